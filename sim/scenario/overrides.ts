/**
 * `--set key.path=value` overrides: parsed, checked against the schema (unknown keys get a
 * suggestion) and applied to the raw scenario data before validation.
 */
import { parseDocument } from 'yaml';
import type { Fields, Node } from './dsl.js';
import { scenarioSchema } from './schema.js';
import { ScenarioError, formatKeyPath, type KeyPath } from './errors.js';
import { didYouMean } from './suggest.js';
import { isMapping } from './validate.js';

export interface Override {
  /** The option as typed, for messages. */
  text: string;
  path: Array<string | number>;
  value: unknown;
}

/** What applying overrides changed: the key paths set and the sections they created. */
export interface AppliedOverrides {
  /** Formatted key paths whose values came from --set. */
  set: Set<string>;
  /** Formatted key paths of mappings and lists that --set created. */
  created: Set<string>;
}

/**
 * Splits `a.b[0].c` (or `a.b.0.c`) into keys and indices. Returns undefined when a part
 * is empty or a bracket is malformed.
 */
export function parseKeyPath(text: string): Array<string | number> | undefined {
  const path: Array<string | number> = [];
  for (const part of text.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) return undefined;
    if (m[1] === '' && m[2] === '') return undefined;
    if (m[1] !== '') path.push(/^\d+$/.test(m[1]) ? Number(m[1]) : m[1]);
    for (const index of m[2].matchAll(/\[(\d+)\]/g)) path.push(Number(index[1]));
  }
  return path.length > 0 && typeof path[0] === 'string' ? path : undefined;
}

/**
 * A value as YAML reads it: `100000` a number, `true` a boolean, `cyclon` a string,
 * `{dist: exponential, mean: 20min}` a mapping; empty text is the empty string.
 */
export function parseSetValue(text: string): unknown {
  if (text.trim() === '') return '';
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return text;
  try {
    return doc.toJS();
  } catch {
    return text;
  }
}

/** Parses one `--set key.path=value`. */
export function parseOverride(text: string): Override {
  const eq = text.indexOf('=');
  const example = 'e.g. --set peers.count=100000 or --set workload.broadcasts[0].fanout=2';
  if (eq < 0) throw new ScenarioError(`--set '${text}': expected key.path=value, ${example}`);
  const keyText = text.slice(0, eq).trim();
  if (keyText === '') throw new ScenarioError(`--set '${text}': the key path before '=' is empty, ${example}`);
  const path = parseKeyPath(keyText);
  if (!path) throw new ScenarioError(`--set '${text}': '${keyText}' is not a key path: write keys separated by dots, list items as [0] or .0, ${example}`);
  return { text, path, value: parseSetValue(text.slice(eq + 1)) };
}

function unwrap(node: Node): Node {
  return node.kind === 'optional' ? unwrap(node.inner as Node) : node;
}

function setError(path: KeyPath, detail: string): ScenarioError {
  return new ScenarioError(detail, { keyPath: formatKeyPath(path), fromSet: true });
}

/**
 * Applies `override` to `root` (the raw scenario mapping, modified in place), creating
 * missing sections and list items (one past the end appends). A single item written
 * without its list becomes a one-item list when indexed. Throws a ScenarioError for a
 * path the schema does not have.
 */
export function applyOverride(root: Record<string, unknown>, override: Override, applied: AppliedOverrides): void {
  // `holder[slot]` is where the value at `done` lives; it starts as the whole scenario.
  let holder: Record<string | number, unknown> = { root };
  let slot: string | number = 'root';
  let node: Node = scenarioSchema;
  const done: Array<string | number> = [];
  const segments = override.path;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    node = unwrap(node);
    let current = holder[slot];
    if (node.kind === 'object' || node.kind === 'distribution') {
      const key = String(segment);
      let next: Node;
      if (node.kind === 'object') {
        const fields = node.fields as Fields;
        if (!Object.hasOwn(fields, key)) {
          const keys = Object.keys(fields);
          const hint = didYouMean(key, keys) || `; the keys${done.length ? ` of ${formatKeyPath(done)}` : ''} are ${keys.join(', ')}`;
          throw setError([...done, key], `unknown key '${key}'${hint}`);
        }
        next = fields[key];
      } else {
        // A distribution parameter (`churn.session.shape`): checked when validated.
        if (i < segments.length - 1) throw setError([...done, key], `a distribution parameter has no keys below it`);
        next = { kind: 'number', unit: 'none', integer: false, doc: '' };
      }
      if (!isMapping(current)) {
        current = {};
        holder[slot] = current;
        applied.created.add(formatKeyPath(done));
      }
      holder = current as Record<string, unknown>;
      slot = key;
      done.push(key);
      node = next;
    } else if (node.kind === 'list') {
      if (current === undefined || current === null) {
        current = [];
        holder[slot] = current;
        applied.created.add(formatKeyPath(done));
      } else if (!Array.isArray(current) && node.single && isMapping(current)) {
        current = [current];
        holder[slot] = current;
      } else if (!Array.isArray(current)) {
        throw setError(done, `is not a list in the scenario, so '${formatKeyPath([...done, segment])}' cannot be set; set the whole value instead`);
      }
      const list = current as unknown[];
      let index: number;
      if (typeof segment === 'number') index = segment;
      else if (node.single && list.length <= 1) {
        index = 0; // `workload.broadcasts.fanout`: the one item
        i--;
      } else {
        throw setError([...done, segment], `${formatKeyPath(done)} is a list: give an item index, e.g. ${formatKeyPath([...done, 0, segment])}`);
      }
      if (index > list.length) {
        throw setError([...done, index], `index ${index} is past the end of ${formatKeyPath(done)}, which has ${list.length} item${list.length === 1 ? '' : 's'} (index ${list.length} adds one)`);
      }
      if (index === list.length) {
        list.push(undefined);
        applied.created.add(formatKeyPath([...done, index]));
      }
      holder = list as unknown as Record<number, unknown>;
      slot = index;
      done.push(index);
      node = node.item as Node;
    } else {
      throw setError([...done, segment], `${formatKeyPath(done)} is a single value: it has no key '${segment}'`);
    }
  }
  holder[slot] = override.value;
  applied.set.add(formatKeyPath(done));
}

/** Parses and applies every `--set` in order (a later one wins). */
export function applyOverrides(root: Record<string, unknown>, sets: readonly string[]): AppliedOverrides {
  const applied: AppliedOverrides = { set: new Set(), created: new Set() };
  for (const text of sets) applyOverride(root, parseOverride(text), applied);
  return applied;
}

/** True when the value at `path` (formatted) came from, or was created by, --set. */
export function fromOverride(applied: AppliedOverrides, path: string): boolean {
  if (applied.created.has(path)) return true;
  for (const set of applied.set) {
    if (path === set || path.startsWith(`${set}.`) || path.startsWith(`${set}[`)) return true;
  }
  return false;
}
