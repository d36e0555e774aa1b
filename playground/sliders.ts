/**
 * The playground's sliders: which scenario keys get one (when the text has them), the
 * values they show, and the edit of the scenario text they make, found through the yaml
 * library's Document API and spliced into the text so that comments and layout stay.
 */
import { formatKeyPath } from '../sim/scenario/errors.js';
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { parseDuration, suffixValue } from '../sim/scenario/units.js';

/** How a slider's position maps to a value, and how the value is written. */
export type SliderKind = 'count' | 'int' | 'fraction' | 'duration' | 'choice';

export interface SliderDef {
  /** Key path; '*' is every item of a list (or the mapping written without its list). */
  path: readonly string[];
  label: string;
  kind: SliderKind;
  min: number;
  max: number;
  /** Positions spaced by ratio instead of difference (values over decades). */
  log?: boolean;
  /** `choice`: the values offered. */
  choices?: readonly string[];
}

const duration = (path: string[], label: string, min: number, max: number): SliderDef => ({ path, label, kind: 'duration', min, max, log: true });

/** Key parameters of the lessons, in the order the panel shows them. */
export const SLIDERS: readonly SliderDef[] = [
  { path: ['peers', 'count'], label: 'peers', kind: 'count', min: 10, max: 100_000, log: true },
  { path: ['overlay', 'degree'], label: 'overlay degree', kind: 'int', min: 1, max: 20 },
  { path: ['overlay', 'rewire'], label: 'rewiring probability', kind: 'fraction', min: 0, max: 1 },
  duration(['network', 'latency'], 'latency', 0.001, 2),
  duration(['network', 'latency', 'min'], 'latency, minimum', 0.001, 2),
  duration(['network', 'latency', 'max'], 'latency, maximum', 0.001, 2),
  duration(['network', 'latency', 'mean'], 'latency, mean', 0.001, 2),
  duration(['network', 'latency', 'median'], 'latency, median', 0.001, 2),
  { path: ['network', 'loss'], label: 'message loss', kind: 'fraction', min: 0, max: 0.9 },
  { path: ['workload', 'broadcasts', '*', 'fanout'], label: 'broadcast fanout', kind: 'int', min: 1, max: 10 },
  duration(['workload', 'broadcasts', '*', 'period'], 'broadcast period', 0.05, 30),
  { path: ['workload', 'searches', '*', 'ttl'], label: 'search TTL', kind: 'int', min: 1, max: 12 },
  { path: ['workload', 'searches', '*', 'walkers'], label: 'random walkers', kind: 'int', min: 1, max: 64 },
  { path: ['data', 'replication', 'ratio'], label: 'replication ratio', kind: 'fraction', min: 0.001, max: 0.5, log: true },
  { path: ['failures', '*', 'fraction'], label: 'failure fraction', kind: 'fraction', min: 0, max: 0.95 },
  { path: ['failures', '*', 'target'], label: 'failure target', kind: 'choice', min: 0, max: 1, choices: ['random', 'degree'] },
  duration(['churn', 'session'], 'churn: session length', 1, 7200),
  duration(['churn', 'session', 'mean'], 'churn: mean session', 1, 7200),
  duration(['churn', 'session', 'scale'], 'churn: session scale', 1, 7200),
  { path: ['churn', 'session', 'shape'], label: 'churn: session shape', kind: 'fraction', min: 0.2, max: 3 },
  duration(['churn', 'downtime'], 'churn: downtime', 1, 7200),
  duration(['churn', 'downtime', 'mean'], 'churn: mean downtime', 1, 7200),
  { path: ['hybrid', 'superPeers'], label: 'super-peer fraction', kind: 'fraction', min: 0.001, max: 0.3, log: true },
  { path: ['aggregation', 'cycles'], label: 'aggregation cycles', kind: 'int', min: 1, max: 100 },
  { path: ['seed'], label: 'seed', kind: 'int', min: 1, max: 1000 },
];

/** A slider the text has a value for. */
export interface FoundSlider {
  def: SliderDef;
  /** The concrete key path (list indices filled in). */
  path: Array<string | number>;
  /** Stable id, e.g. `workload.broadcasts[2].fanout`. */
  id: string;
  label: string;
  /** The value in the text: a number (durations in seconds) or a choice. */
  value: number | string;
  /** `duration`: the unit the text writes it in ('' for plain seconds). */
  unit: string;
}

function child(node: unknown, key: string): unknown {
  if (!isMap(node)) return undefined;
  const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  return pair?.value;
}

/** Every (path, node) the pattern `def.path` matches in the document's contents. */
function matches(root: unknown, pattern: readonly string[]): Array<{ path: Array<string | number>; node: unknown; many: boolean }> {
  let found: Array<{ path: Array<string | number>; node: unknown; many: boolean }> = [{ path: [], node: root, many: false }];
  for (const segment of pattern) {
    const next: typeof found = [];
    for (const f of found) {
      if (segment !== '*') {
        const c = child(f.node, segment);
        if (c !== undefined && c !== null) next.push({ path: [...f.path, segment], node: c, many: f.many });
      } else if (isSeq(f.node)) {
        const items = f.node.items;
        items.forEach((item, i) => next.push({ path: [...f.path, i], node: item, many: f.many || items.length > 1 }));
      } else if (isMap(f.node)) {
        // A list of one may be written as the mapping itself.
        next.push(f);
      }
    }
    found = next;
  }
  return found;
}

const UNIT = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*([a-zµ]+)\s*$/i;

function readValue(def: SliderDef, node: YamlNode): { value: number | string; unit: string } | null {
  if (!isScalar(node)) return null;
  const v = node.value;
  if (def.kind === 'choice') return typeof v === 'string' && def.choices!.includes(v) ? { value: v, unit: '' } : null;
  if (def.kind === 'duration') {
    if (typeof v !== 'number' && typeof v !== 'string') return null;
    const parsed = parseDuration(v);
    if (!parsed.ok) return null;
    return { value: parsed.value, unit: typeof v === 'string' ? (UNIT.exec(v)?.[1] ?? '') : '' };
  }
  return typeof v === 'number' && Number.isFinite(v) ? { value: v, unit: '' } : null;
}

/** The sliders for the keys `text` has (none when it does not parse). */
export function findSliders(text: string): FoundSlider[] {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length > 0) return [];
  const out: FoundSlider[] = [];
  for (const def of SLIDERS) {
    for (const m of matches(doc.contents, def.path)) {
      const read = readValue(def, m.node as YamlNode);
      if (!read) continue;
      const index = m.path.find((p): p is number => typeof p === 'number');
      out.push({ def, path: m.path, id: formatKeyPath(m.path), label: m.many && index !== undefined ? `${def.label} (#${index + 1})` : def.label, ...read });
    }
  }
  return out;
}

/** Rounds to `digits` significant digits, as a plain number. */
function significant(v: number, digits: number): number {
  if (v === 0) return 0;
  return Number(v.toPrecision(digits));
}

/** The value at slider position `position` (0..1000). */
export function valueAt(def: SliderDef, position: number): number | string {
  const f = Math.min(1, Math.max(0, position / 1000));
  if (def.kind === 'choice') return def.choices![Math.round(f * (def.choices!.length - 1))];
  const raw = def.log ? def.min * Math.pow(def.max / def.min, f) : def.min + f * (def.max - def.min);
  if (def.kind === 'int') return Math.round(raw);
  if (def.kind === 'count') return significant(Math.round(raw), 2);
  return significant(raw, 2);
}

/** The slider position (0..1000) of `value`. */
export function positionOf(def: SliderDef, value: number | string): number {
  if (def.kind === 'choice') return Math.round((def.choices!.indexOf(String(value)) / Math.max(1, def.choices!.length - 1)) * 1000);
  const v = Math.min(def.max, Math.max(def.min, Number(value)));
  const f = def.log ? Math.log(v / def.min) / Math.log(def.max / def.min) : (v - def.min) / (def.max - def.min);
  return Math.round(f * 1000);
}

/** How `value` is written in the text: durations in the unit the text used. */
export function valueText(found: Pick<FoundSlider, 'def' | 'unit'>, value: number | string): string {
  if (typeof value === 'string') return value;
  if (found.def.kind !== 'duration') return String(value);
  const scale = found.unit ? suffixValue('duration', found.unit) : 1;
  if (scale === undefined) return `${significant(value, 3)}s`;
  const inUnit = significant(value / scale, 3);
  return found.unit ? `${inUnit}${found.unit}` : String(inUnit);
}

/** The label's value as shown beside a slider. */
export function shownValue(found: Pick<FoundSlider, 'def' | 'unit'>, value: number | string): string {
  if (found.def.kind === 'duration' && !found.unit) return `${valueText(found, value)} s`;
  return valueText(found, value);
}

/**
 * `text` with the scalar at `path` replaced by `replacement` (YAML scalar text); every
 * other character, comments included, stays as it was. Throws when the path has no scalar.
 */
export function setScalarText(text: string, path: ReadonlyArray<string | number>, replacement: string): string {
  const doc = parseDocument(text);
  let node: unknown = doc.contents;
  for (const segment of path) {
    if (typeof segment === 'number' && isSeq(node)) node = node.items[segment];
    else if (typeof segment === 'string') node = child(node, segment);
    else node = undefined;
  }
  if (!isScalar(node) || !node.range) throw new Error(`playground: no value at ${formatKeyPath(path)}`);
  const [start, end] = node.range;
  return text.slice(0, start) + replacement + text.slice(end);
}
