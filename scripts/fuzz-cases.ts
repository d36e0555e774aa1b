/**
 * The scenario fuzzer's cases and its oracle, shared by test/scenario/fuzz.test.ts and
 * `npm run fuzz`: scenarios generated from the schema, mutations of the bundled files'
 * text, and --set options; each must be accepted or refused with a located message.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { stringify } from 'yaml';
import type { DistNode, Fields, Node, NumberNode } from '../sim/scenario/dsl.js';
import { scenarioSchema, type Scenario } from '../sim/scenario/schema.js';
import { distSpecs } from '../sim/scenario/dist-params.js';
import { unitTables } from '../sim/scenario/units.js';
import { ScenarioError, ScenarioErrors } from '../sim/scenario/errors.js';
import { schemaKeyPaths } from '../sim/scenario/validate.js';
import { loadScenarioText, parseScenarioText } from '../sim/scenario/load.js';
import { describeBadInput } from '../sim/cli/report-error.js';

/** A scenario file's text and the --set options given with it. */
export interface FuzzCase {
  text: string;
  sets: string[];
}

/** The file name every case is validated under (messages must name it). */
export const FUZZ_FILE = 'fuzz.yaml';
/** Longest a single validation may take before it counts as a hang (ms). */
export const CASE_TIME_LIMIT_MS = 2000;

/** The bundled scenarios and lessons, as text: the seeds of the mutations. */
export function bundledTexts(root = findRoot()): string[] {
  const dirs = [join(root, 'scenarios'), join(root, 'scenarios', 'lessons')];
  return dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()
    .map((f) => readFileSync(join(dir, f), 'utf8')));
}

function findRoot(): string {
  // Run from source (vitest) or from dist/scripts/ (npm run fuzz).
  const here = dirname(fileURLToPath(import.meta.url));
  for (const dir of [resolve(here, '..'), resolve(here, '..', '..')]) {
    try {
      readdirSync(join(dir, 'scenarios'));
      return dir;
    } catch { /* try the next */ }
  }
  throw new Error('fuzz: cannot find the scenarios/ folder');
}

// ---------------------------------------------------------------- hostile and odd values

/** Text that must stay text: markup, script, links, escape sequences, odd unicode. */
export const HOSTILE_STRINGS = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '<svg onload="window.__pwned=1"><script>window.__pwned=1</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=1></style></mglyph></table></mtext></math>',
  '[click](javascript:window.__pwned=1)',
  '[x](jav&#x61;script:window.__pwned=1)',
  '<a href="javascript:window.__pwned=1">a</a>',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '"><body onload=window.__pwned=1>',
  "'; window.__pwned=1; //",
  '</script><script>window.__pwned=1</script>',
  '<!--<script>window.__pwned=1</script>-->',
  '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9Il9fcHduZWQ9MSI+)',
  '<details open ontoggle=window.__pwned=1>',
  '\u001b[2J\u001b[31mred\u001b[0m',
  '\u001b]0;title\u0007',
  '\u009b31m',
  'abc\u202edcba',
  '\u0000\u0001\u0008\r',
  '{{constructor.constructor("window.__pwned=1")()}}',
  '${window.__pwned=1}',
];

const ODD_STRINGS = ['', ' ', 'null', '~', 'true', 'NaN', '.inf', '-.inf', '0x10', '1e400', '١٢٣', '🙂'.repeat(3),
  'Zürich', '東京', '\t', 'random', 'overlay', 'p2p', 'zipf', 'a'.repeat(300)];

const unitSuffixes = (unit: NumberNode['unit']): string[] =>
  unit === 'none' ? [] : unitTables[unit].suffixes.map((s) => s.name);

/** Numbers at and around a node's bounds, and the extremes of doubles. */
function boundaryNumbers(node: Pick<NumberNode, 'min' | 'max' | 'exclusiveMin'>): number[] {
  const out = [0, -0, 1, -1, 0.5, 1e-300, 5e-324, 2 ** 31, 2 ** 32, 2 ** 53 + 1, 1e308, -1e308, Number.MAX_VALUE];
  for (const b of [node.min, node.max, node.exclusiveMin]) {
    if (b === undefined) continue;
    out.push(b, b + 1, b - 1, b * (1 + 1e-12), b / 2, b * 2, b + 1e-9);
  }
  return out;
}

/** A raw number for `node`: mostly in range and small, sometimes at a bound or extreme. */
function numberArb(node: NumberNode): fc.Arbitrary<unknown> {
  const lo = node.min ?? node.exclusiveMin ?? 0;
  const hi = Math.min(node.max ?? lo + 100, lo + 100);
  const plain = node.integer
    ? fc.integer({ min: Math.ceil(lo), max: Math.max(Math.ceil(lo), Math.floor(hi)) })
    : fc.double({ min: lo, max: Math.max(lo, hi), noNaN: true, noDefaultInfinity: true });
  const bound = fc.constantFrom(...boundaryNumbers(node));
  const suffixes = unitSuffixes(node.unit);
  const withUnit = suffixes.length
    ? fc.tuple(fc.oneof(plain, bound, fc.constantFrom('1e400', '1e-400', '-0', '.5', '1e308')), fc.constantFrom(...suffixes, ' ', 'x', 'sec', 'Mb'))
      .map(([n, u]) => `${n}${u}`)
    : fc.constant('12');
  return fc.oneof(
    { weight: 6, arbitrary: plain },
    { weight: 2, arbitrary: bound },
    { weight: 2, arbitrary: withUnit },
    { weight: 1, arbitrary: fc.double() },
    { weight: 1, arbitrary: wrongType() },
  );
}

/** Anything of a type a key did not ask for. */
function wrongType(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(null, true, false, [], {}, [1, 2], { a: 1 }),
    fc.constantFrom(...ODD_STRINGS, ...HOSTILE_STRINGS),
    fc.string({ unit: 'binary', maxLength: 20 }),
    deepNesting(),
  );
}

/** Lists and mappings nested up to 100 deep (the loader refuses more than 64). */
function deepNesting(): fc.Arbitrary<unknown> {
  return fc.tuple(fc.integer({ min: 1, max: 100 }), fc.boolean()).map(([depth, list]) => {
    let v: unknown = 1;
    for (let i = 0; i < depth; i++) v = list ? [v] : { k: v };
    return v;
  });
}

function distArb(node: DistNode): fc.Arbitrary<unknown> {
  const constant = numberArb({ kind: 'number', doc: '', unit: node.unit, integer: false, min: node.min, max: node.max });
  const named = fc.constantFrom(...node.allowed).chain((name) => {
    const spec = distSpecs[name];
    const params: Record<string, fc.Arbitrary<unknown>> = {};
    for (const p of spec.params) {
      params[p.name] = numberArb({ kind: 'number', doc: '', unit: p.unit === 'field' ? node.unit : 'none', integer: false, min: p.min, max: p.max, exclusiveMin: p.exclusiveMin });
    }
    return fc.record({ dist: fc.oneof({ weight: 9, arbitrary: fc.constant<unknown>(name) }, { weight: 1, arbitrary: wrongType() }), ...params }, { requiredKeys: [] });
  });
  return fc.oneof({ weight: 2, arbitrary: constant }, { weight: 5, arbitrary: named }, { weight: 1, arbitrary: wrongType() });
}

/** A raw value for any schema node: every key, every type, boundary values. */
export function valueArb(node: Node, depth = 0): fc.Arbitrary<unknown> {
  switch (node.kind) {
    case 'number': return numberArb(node);
    case 'string':
      return fc.oneof(
        { weight: 4, arbitrary: fc.string({ minLength: node.minLength ?? 0, maxLength: 40 }) },
        { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
        { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
        { weight: 1, arbitrary: fc.constantFrom(...ODD_STRINGS) },
        { weight: 1, arbitrary: wrongType() },
      );
    case 'boolean': return fc.oneof({ weight: 5, arbitrary: fc.boolean() }, { weight: 1, arbitrary: wrongType() });
    case 'enum':
      return fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...node.values) },
        { weight: 1, arbitrary: fc.constantFrom(...node.values).map((v) => v.slice(0, -1) + 'x') },
        { weight: 1, arbitrary: wrongType() },
      );
    case 'choice':
      return fc.oneof(fc.constantFrom(...node.literals), numberArb(node.number), wrongType());
    case 'distribution': return distArb(node);
    case 'optional': return fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 4, arbitrary: valueArb(node.inner as Node, depth) });
    case 'list': {
      const item = valueArb(node.item as Node, depth + 1);
      return fc.oneof(
        { weight: 4, arbitrary: fc.array(item, { maxLength: 4 }) },
        { weight: node.single ? 2 : 0, arbitrary: item },
        { weight: 1, arbitrary: wrongType() },
      );
    }
    case 'object': {
      const fields = node.fields as Fields;
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, child] of Object.entries(fields)) record[key] = valueArb(child, depth + 1);
      const extra = fc.dictionary(
        fc.oneof(fc.constantFrom('degre', 'fanot', 'peer', 'degree', 'count', '__proto__', 'constructor', 'toString'), fc.string({ maxLength: 8 })),
        wrongType(), { maxKeys: 2 });
      return fc.tuple(fc.record(record, { requiredKeys: [] }), fc.oneof({ weight: 6, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: extra }))
        .map(([known, unknown]) => ({ ...unknown, ...known }));
    }
  }
}

/** Keeps generated scenarios small, so that the valid ones can be run. */
function small(raw: Record<string, unknown>): Record<string, unknown> {
  const peers = raw.peers;
  if (peers === undefined || (typeof peers === 'object' && peers !== null && !Array.isArray(peers) && (peers as Record<string, unknown>).count === undefined)) {
    raw.peers = { ...(typeof peers === 'object' && peers !== null ? peers : {}), count: 20 };
  }
  return raw;
}

/** A scenario generated from the schema, written as block YAML, flow YAML or JSON. */
export function schemaCaseArb(): fc.Arbitrary<FuzzCase> {
  return fc.tuple(valueArb(scenarioSchema), fc.constantFrom('block', 'flow', 'json'), fc.boolean()).map(([raw, style, named]) => {
    const data = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? small({ ...(raw as Record<string, unknown>) }) : raw;
    if (named && typeof data === 'object' && data !== null && !Array.isArray(data) && !('name' in data)) (data as Record<string, unknown>).name = 'fuzz';
    let text: string;
    try {
      text = style === 'json' ? JSON.stringify(data) ?? 'null'
        : stringify(data, { collectionStyle: style === 'flow' ? 'flow' : 'any', lineWidth: 0, aliasDuplicateObjects: false });
    } catch {
      text = String(data);
    }
    return { text, sets: [] };
  });
}

// ---------------------------------------------------------------- mutations of real files

const TAGS = ['!!str', '!!int', '!!float', '!!bool', '!!null', '!!map', '!!seq', '!!binary', '!!set', '!!omap', '!!pairs', '!!timestamp', '!foo', '!<tag:yaml.org,2002:js/function>'];
const JUNK = [':', '- ', '{', '}', '[', ']', '&a ', '*a', '*b', '<<: *a', '? ', '|', '>', '"', "'", '#', '%YAML 1.1', '---', '...', '\t', '@', '`', ',', '!!', '&', '\u0000', '\ufeff', '\u001b[2J'];

type Mutation = (lines: string[], r: (n: number) => number, pick: <T>(xs: readonly T[]) => T) => void;

const MUTATIONS: Mutation[] = [
  (l, r) => { if (l.length) l.splice(r(l.length), 1); },                                     // delete a line
  (l, r) => { if (l.length) { const i = r(l.length); l.splice(i, 0, l[i]); } },             // duplicate a line
  (l, r) => { if (l.length > 1) { const i = r(l.length), j = r(l.length); [l[i], l[j]] = [l[j], l[i]]; } }, // swap
  (l, r, pick) => { if (l.length) { const i = r(l.length); const at = r(l[i].length + 1); l[i] = l[i].slice(0, at) + pick(JUNK) + l[i].slice(at); } }, // damage
  (l, r) => { if (l.length) { const i = r(l.length); l[i] = l[i].slice(0, r(l[i].length + 1)); } }, // truncate
  (l, r) => { if (l.length) { const i = r(l.length); l[i] = ' '.repeat(r(5)) + l[i].trimStart(); } }, // indentation
  (l, r) => { if (l.length) { const i = r(l.length); l[i] = l[i].replace(/^ {2}/, ''); } },    // dedent
  (l, r, pick) => {                                                                            // an extreme value
    const i = r(l.length || 1);
    if (l[i] !== undefined) l[i] = l[i].replace(/(:\s*)([^\s{[#][^,}\]#]*)/, (_m, sep: string) => `${sep}${pick(EXTREMES)}`);
  },
  (l, r, pick) => {                                                                            // anchor and alias
    const i = r(l.length || 1), j = r(l.length || 1);
    if (l[i] !== undefined) l[i] = l[i].replace(/:(\s*)/, `: &${pick(['a', 'b'])} `);
    if (l[j] !== undefined) l[j] = l[j].replace(/:\s*\S.*$/, `: *${pick(['a', 'b', 'c'])}`);
  },
  (l, r, pick) => { if (l.length) { const i = r(l.length); l[i] = l[i].replace(/:\s+/, `: ${pick(TAGS)} `); } }, // a tag
  (l, r, pick) => { l.splice(r(l.length + 1), 0, `${pick(['description', 'name', 'peers', 'zzz', 'overlay'])}: ${JSON.stringify(pick(HOSTILE_STRINGS))}`); },
  (l, r) => { if (l.length) { const i = r(l.length); l[i] = l[i].replace(/\s+#.*$/, '').replace(/(\S)$/, '$1 # c'); } },
  (l, r) => { if (l.length) { const i = r(l.length); l[i] = `${'  '.repeat(r(4))}- ${l[i].trim()}`; } },
];

const EXTREMES = ['1e308', '-1e308', '1e400', '1e400s', '1e-400s', '-0', '.inf', '-.inf', '.nan', '0', '-1', '2147483648',
  '4294967296', '9007199254740993', '1e16', '0x7fffffff', '1_000', '0.0000001', '1e-7s', '99999d', '1PB', '1e20Gbps',
  '1e9/s', 'null', '~', '[]', '{}', '"1e400s"', "'5'", '10min10s', '5 s', '١', '1,5'];

/** A bundled scenario with 1 to 4 random mutations of its lines. */
export function mutationCaseArb(texts: readonly string[]): fc.Arbitrary<FuzzCase> {
  return fc.tuple(
    fc.integer({ min: 0, max: texts.length - 1 }),
    fc.array(fc.tuple(fc.integer({ min: 0, max: MUTATIONS.length - 1 }), fc.array(fc.nat(), { minLength: 6, maxLength: 6 })), { minLength: 1, maxLength: 4 }),
  ).map(([which, steps]) => {
    const lines = texts[which].split('\n');
    for (const [m, draws] of steps) {
      let k = 0;
      const r = (n: number) => (n <= 0 ? 0 : draws[k++ % draws.length] % n);
      const pick = <T>(xs: readonly T[]): T => xs[r(xs.length)];
      MUTATIONS[m](lines, r, pick);
    }
    return { text: lines.join('\n'), sets: [] };
  });
}

// ---------------------------------------------------------------- --set options

const ALL_PATHS = schemaKeyPaths(scenarioSchema, '', [], '[0]').map(([, path]) => path);

/** `--set key.path=value` with real and broken paths and values. */
export function setArb(): fc.Arbitrary<string> {
  const path = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...ALL_PATHS) },
    { weight: 1, arbitrary: fc.constantFrom('workload.broadcasts[3].fanout', 'workload.broadcasts.9.at', 'a..b', '[0]', '', 'peers.count.x', 'workload.broadcasts[99999999999999999999]', 'network.latency.mean', 'churn.session.shape') },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );
  const value = fc.oneof(
    fc.constantFrom(...EXTREMES, ...ODD_STRINGS),
    fc.constantFrom('{dist: exponential, mean: 1e400s}', '{dist: pareto, scale: 1, shape: 1e-9}', '[1, [2, [3]]]', '&a [*a]', '{a: 1, a: 2}', '!!binary AAAA', '"unterminated'),
    fc.double().map(String),
    fc.integer().map(String),
  );
  return fc.tuple(path, fc.constantFrom('=', '', '=='), value).map(([p, eq, v]) => `${p}${eq}${v}`);
}

/** Every kind of case, the bundled mutations most often (they are closest to valid). */
export function caseArb(texts: readonly string[] = bundledTexts()): fc.Arbitrary<FuzzCase> {
  const sets = fc.array(setArb(), { maxLength: 3 });
  const none = fc.constant<string[]>([]);
  return fc.oneof(
    { weight: 4, arbitrary: fc.tuple(mutationCaseArb(texts), fc.oneof({ weight: 3, arbitrary: none }, { weight: 1, arbitrary: sets })).map(([c, s]): FuzzCase => ({ text: c.text, sets: s })) },
    { weight: 4, arbitrary: schemaCaseArb() },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...texts), sets).map(([text, s]): FuzzCase => ({ text, sets: s })) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }).map((text): FuzzCase => ({ text, sets: [] })) },
  );
}

// ---------------------------------------------------------------- the oracle

export interface Outcome {
  /** The exit code `gossipsim validate` would give: 0, 2, or 1 (an internal error). */
  code: 0 | 1 | 2;
  /** The message the CLI would print (empty when valid). */
  message: string;
  scenario?: Scenario;
  /** What is wrong with the answer (undefined: a good answer). */
  problem?: string;
  ms: number;
}

function valueAt(raw: unknown, keyPath: string): unknown {
  let v: unknown = raw;
  for (const part of keyPath.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== '')) {
    if (v === null || typeof v !== 'object') return undefined;
    if (Array.isArray(v)) v = v[Number(part)];
    else {
      // A single item written without its list is item [0].
      v = /^\d+$/.test(part) && !Object.hasOwn(v, part) ? (part === '0' ? v : undefined) : (v as Record<string, unknown>)[part];
    }
  }
  return v;
}

/**
 * Validates a case in-process exactly as `gossipsim validate` does (same loader, same
 * mapping of errors to exit codes) and judges the answer: exit 0, or exit 2 with every
 * line naming the file, the key path (or --set) and line:column where the YAML has one.
 */
export function checkCase(c: FuzzCase): Outcome {
  const start = performance.now();
  let outcome: Outcome;
  try {
    const scenario = loadScenarioText(c.text, FUZZ_FILE, c.sets);
    outcome = { code: 0, message: '', scenario, ms: 0 };
  } catch (err) {
    const message = describeBadInput(err);
    if (message === undefined) {
      outcome = { code: 1, message: `internal error: ${(err as Error)?.stack ?? String(err)}`, problem: 'exit 1 (an internal error, not bad input)', ms: 0 };
    } else {
      outcome = { code: 2, message, ms: 0, problem: judgeErrors(err as ScenarioError, c) };
    }
  }
  outcome.ms = performance.now() - start;
  if (!outcome.problem && outcome.ms > CASE_TIME_LIMIT_MS) outcome.problem = `took ${Math.round(outcome.ms)} ms (limit ${CASE_TIME_LIMIT_MS} ms)`;
  return outcome;
}

export function judgeErrors(err: ScenarioError, c: FuzzCase): string | undefined {
  const errors = err instanceof ScenarioErrors ? err.errors : [err];
  let raw: unknown;
  try {
    raw = parseScenarioText(c.text, FUZZ_FILE).raw;
  } catch {
    raw = undefined;
  }
  for (const e of errors) {
    const line = e.format();
    if (line.includes('\n')) return `a message spans lines: ${JSON.stringify(line)}`;
    if (/\bat .+:\d+:\d+\)?$/m.test(line) || /Error:|TypeError|RangeError|undefined is not|is not a function/.test(line)) return `a message looks like a crash: ${line}`;
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f-\u009f]/.test(line)) return `a message carries raw control characters: ${JSON.stringify(line)}`;
    if (e.file !== FUZZ_FILE || !line.startsWith(FUZZ_FILE)) return `a message does not name the file: ${line}`;
    if (e.fromSet) {
      if (!line.includes('(from --set)') && !line.includes('--set ')) return `a --set message does not say so: ${line}`;
      continue;
    }
    if (e.keyPath === undefined && e.line === undefined && !/--set '|scenario file|the file is empty|larger than|YAML/.test(e.detail)) {
      return `a message names neither a key path nor a position: ${line}`;
    }
    // A key written in the file must be located in it.
    if (e.keyPath && e.line === undefined && raw !== undefined && valueAt(raw, e.keyPath) !== undefined
      && !c.sets.length && !/[<]{2}/.test(c.text)) {
      return `a message has no line:column although ${e.keyPath} is in the file: ${line}`;
    }
  }
  return undefined;
}

/**
 * Whether a valid scenario is cheap enough to run in the suite's sample (a few seconds
 * with at most 200 peers): long runs of tiny periods are valid but not for CI.
 */
export function runnable(s: Scenario): boolean {
  if (s.peers.count > 200 || s.duration > 3600) return false;
  const steps = [s.metrics.sample, ...(s.overlay.sampling ? [s.overlay.sampling.period] : []), ...s.workload.broadcasts.map((b) => b.period)];
  if (Math.min(...steps) < 0.05) return false;
  const rumours = s.workload.broadcasts.reduce((n, b) => n + b.count, 0);
  const queries = s.workload.searches.reduce((n, q) => n + (q.rate > 0 ? q.rate * s.duration : q.count), 0);
  if (rumours > 20 || queries > 2000 || s.workload.searches.some((q) => q.walkers * q.ttl > 5000)) return false;
  if (s.capacity && s.capacity.file / s.capacity.chunk > 2000) return false;
  if (s.churn && s.churn.arrivals * s.duration > 500) return false;
  return s.overlay.degree <= 50 && s.data.objects <= 10_000;
}

/** The case as a file and a command line, for a person to reproduce it. */
export function describeCase(c: FuzzCase): string {
  const sets = c.sets.map((s) => ` --set ${JSON.stringify(s)}`).join('');
  const command = c.sets.length ? `gossipsim run ${FUZZ_FILE}${sets}` : `gossipsim validate ${FUZZ_FILE}`;
  return `--- ${FUZZ_FILE} (${c.text.length} characters) ---\n${c.text}\n--- end of file ---\n${command}`;
}

/** Spawns the real CLI on `count` cases of the same seed: validate each, run the small valid ones. */
export function throughCli(cli: string, count: number, seed: number, log: (line: string) => void): { ok: boolean; validated: number; ran: number } {
  const cases = fc.sample(caseArb(), { numRuns: count * 20, seed });
  const dir = mkdtempSync(join(tmpdir(), 'gossipsim-fuzz-'));
  let ok = true, validated = 0, ran = 0;
  try {
    for (const c of cases) {
      if (validated >= count) break;
      const inProc = checkCase(c);
      // Spawn mostly valid cases: they are the ones that can also be run.
      if (inProc.code !== 0 && validated % 4 !== 0) continue;
      const file = join(dir, FUZZ_FILE);
      writeFileSync(file, c.text);
      const sets = c.sets.flatMap((s) => ['--set', s]);
      const v = spawnSync(process.execPath, [cli, 'validate', file], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
      validated++;
      const bad = (why: string, out: string) => { ok = false; log(`FAIL (CLI): ${why}\n${out}\n${describeCase(c)}`); };
      if (sets.length === 0 && v.status !== inProc.code) bad(`validate exited ${v.status}, in-process ${inProc.code}`, v.stderr);
      if (v.status !== 0 && v.status !== 2) bad(`validate exited ${v.status}${v.signal ? ` (${v.signal})` : ''}`, v.stderr);
      if (/internal error|\n\s+at /.test(v.stderr)) bad('validate printed an internal error', v.stderr);
      // Run it with few peers: the structure of the case is what is under test, not its size.
      const small = { text: c.text, sets: [...c.sets, 'peers.count=40'] };
      const forRun = inProc.code === 0 ? checkCase(small) : undefined;
      if (forRun?.code === 0 && forRun.scenario && runnable(forRun.scenario)) {
        const runSets = small.sets.flatMap((s) => ['--set', s]);
        const r = spawnSync(process.execPath, [cli, 'run', file, ...runSets, '--quiet', '--out', join(dir, 'report.html')], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
        ran++;
        if (r.status !== 0 && r.status !== 2) bad(`run exited ${r.status}${r.signal ? ` (${r.signal}, a hang?)` : ''}`, r.stderr);
        if (/internal error/.test(r.stderr)) bad('run printed an internal error', r.stderr);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { ok, validated, ran };
}

