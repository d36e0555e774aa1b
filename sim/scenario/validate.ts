/**
 * Checks raw scenario data (parsed YAML) against the schema and resolves it: units to SI,
 * distributions to `Dist` objects, every absent key to its default.
 */
import type {
  ChoiceNode, Dist, DistName, DistNode, EnumNode, Fields, ListNode, Node, NumberNode, ObjectNode, StringNode,
} from './dsl.js';
import { scenarioSchema, type Scenario } from './schema.js';
import { ScenarioError, ScenarioErrors, formatKeyPath, type KeyPath, type Origin } from './errors.js';
import { parseQuantity, formatQuantity, unitTables } from './units.js';
import { didYouMean, editDistance } from './suggest.js';
import { distSpecs, distNames, type DistParam } from './dist-params.js';
import { crossChecks } from './checks.js';
import { grouped } from '../text/group-digits.js';

/**
 * Finds where the value (or, for `part: 'key'`, the key) at `path` was written: a 1-based
 * position in the file, `{ set: true }` for a --set option, or undefined when unknown.
 */
export type Locator = (path: KeyPath, part: 'key' | 'value') => Origin | undefined;

export interface ValidateOptions {
  /** File name put in error messages. */
  file?: string;
}

/**
 * Validates and resolves a whole scenario. Throws a ScenarioError (or ScenarioErrors when
 * there are several problems) naming the key path and, through `locate`, its position.
 */
export function validate(raw: unknown, locate?: Locator, options: ValidateOptions = {}): Scenario {
  const walker = new Walker(locate, options.file);
  if (!isMapping(raw)) {
    walker.fail([], `a scenario must be a mapping of keys (name:, peers:, overlay:, ...), got ${show(raw)}`);
    ScenarioErrors.throwIfAny(walker.errors);
  }
  const scenario = walker.value(scenarioSchema, raw, []) as Scenario;
  ScenarioErrors.throwIfAny(inFileOrder(walker.errors));
  for (const problem of crossChecks(scenario, (path) => walker.given.has(formatKeyPath(path)))) {
    walker.fail(problem.path, problem.detail);
  }
  ScenarioErrors.throwIfAny(inFileOrder(walker.errors));
  return scenario;
}

/** Validates `raw` against any schema node (tests and tools); no cross-field checks. */
export function validateNode(node: Node, raw: unknown, locate?: Locator, options: ValidateOptions = {}): unknown {
  const walker = new Walker(locate, options.file);
  const value = raw === undefined ? walker.absent(node, [], []) : walker.value(node, raw, []);
  ScenarioErrors.throwIfAny(walker.errors);
  return value;
}

/** Errors with a position first, in the order of the file; the others after, as found. */
function inFileOrder(errors: ScenarioError[]): ScenarioError[] {
  const rank = (e: ScenarioError) => (e.line === undefined ? Infinity : e.line * 1e6 + (e.column ?? 0));
  return [...errors].sort((a, b) => rank(a) - rank(b));
}

/** Marks a value that failed; the walk goes on to report further problems. */
const INVALID = Symbol('invalid');
/** What an absent `omitWhenAbsent` list resolves to: no key at all. */
const OMITTED = Symbol('omitted');

export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How a raw value reads in a message. */
export function show(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'number') return Number.isNaN(value) ? '.nan' : String(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}

/** "a, b or c" */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
function andList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A bound in the node's unit; 0 needs none. */
function bound(unit: NumberNode['unit'], value: number): string {
  return value === 0 ? '0' : formatQuantity(unit, value);
}

/** "an integer >= 0", "a number between 0 and 1", "a duration > 0". */
export function describeNumber(node: Pick<NumberNode, 'unit' | 'integer' | 'min' | 'max' | 'exclusiveMin'>): string {
  const noun = node.unit !== 'none' ? unitTables[node.unit].noun : node.integer ? 'an integer' : 'a number';
  const { min, max, exclusiveMin } = node;
  if (min !== undefined && max !== undefined) return `${noun} between ${bound(node.unit, min)} and ${bound(node.unit, max)}`;
  const parts: string[] = [];
  if (min !== undefined) parts.push(`>= ${bound(node.unit, min)}`);
  if (exclusiveMin !== undefined) parts.push(`> ${bound(node.unit, exclusiveMin)}`);
  if (max !== undefined) parts.push(`<= ${bound(node.unit, max)}`);
  return parts.length ? `${noun} ${parts.join(' and ')}` : noun;
}

function inRange(node: Pick<NumberNode, 'min' | 'max' | 'exclusiveMin'>, v: number): boolean {
  return !(node.min !== undefined && v < node.min)
    && !(node.max !== undefined && v > node.max)
    && !(node.exclusiveMin !== undefined && v <= node.exclusiveMin);
}

/**
 * Every key path of the schema with its last key (`['fanout', 'workload.broadcasts[].fanout']`),
 * lists written with `index` (`[]`, or `[0]` for a path `--set` accepts).
 */
export function schemaKeyPaths(node: Node, prefix = '', out: Array<[string, string]> = [], index = '[]'): Array<[string, string]> {
  if (node.kind === 'optional') return schemaKeyPaths(node.inner as Node, prefix, out, index);
  if (node.kind === 'list') return schemaKeyPaths(node.item as Node, `${prefix}${index}`, out, index);
  if (node.kind === 'object') {
    for (const [key, child] of Object.entries(node.fields as Fields)) {
      const path = prefix ? `${prefix}.${key}` : key;
      out.push([key, path]);
      schemaKeyPaths(child, path, out, index);
    }
  }
  return out;
}
let allKeyPaths: Array<[string, string]> | undefined;

/** The walk over schema and data; collects errors instead of stopping at the first. */
class Walker {
  readonly errors: ScenarioError[] = [];
  /** Key paths (formatted) whose value was given in the input rather than defaulted. */
  readonly given = new Set<string>();

  constructor(private readonly locate: Locator | undefined, private readonly file: string | undefined) {}

  fail(path: KeyPath, detail: string, part: 'key' | 'value' = 'value'): typeof INVALID {
    this.errors.push(ScenarioError.at(detail, path, this.locate?.(path, part), this.file));
    return INVALID;
  }

  /** Validates a value that is present (possibly null). */
  value(node: Node, raw: unknown, path: KeyPath): unknown {
    this.given.add(formatKeyPath(path));
    switch (node.kind) {
      case 'number': return this.number(node, raw, path);
      case 'string': return this.string(node, raw, path);
      case 'boolean':
        return typeof raw === 'boolean' ? raw : this.fail(path, `expected true or false, got ${show(raw)}`);
      case 'enum': return this.enumValue(node, raw, path);
      case 'distribution': return this.distribution(node, raw, path);
      case 'object': return this.object(node, raw, path);
      case 'optional': return raw === null ? null : this.value(node.inner as Node, raw, path);
      case 'list': return this.list(node, raw, path);
      case 'choice': return this.choice(node, raw, path);
    }
  }

  /** The value of an absent key: its default, a section of defaults, or a missing-key error. */
  absent(node: Node, path: KeyPath, parent: KeyPath): unknown {
    if (node.kind === 'object') return this.object(node, {}, path);
    if (node.kind === 'optional') return null;
    if (node.kind === 'list' && node.omitWhenAbsent) return OMITTED;
    if (node.default !== undefined) return structuredClone(node.default);
    const key = String(path[path.length - 1]);
    const example = node.example !== undefined ? `, e.g. ${key}: ${exampleText(node.example)}` : '';
    return this.fail(parent, `missing required key '${key}' (${lowerFirst(node.doc).replace(/\.$/, '')})${example}`);
  }

  private number(node: NumberNode, raw: unknown, path: KeyPath): number | typeof INVALID {
    let v: number;
    if (typeof raw === 'number') {
      if (!Number.isFinite(raw)) return this.fail(path, `expected ${describeNumber(node)}, got ${show(raw)}`);
      v = raw;
    } else if (typeof raw === 'string' && node.unit !== 'none') {
      const parsed = parseQuantity(node.unit, raw);
      if (!parsed.ok) return this.fail(path, parsed.message);
      v = parsed.value;
      // '1e400s' parses to Infinity and '1e-400s' to 0: out of range like any other value.
      if (!Number.isFinite(v)) return this.fail(path, `expected ${describeNumber(node)}, got ${show(raw)} (too large to represent)`);
    } else if (typeof raw === 'string' && parseQuantity('none', raw).ok) {
      return this.fail(path, `expected ${describeNumber(node)}, got the string ${show(raw)} (remove the quotes)`);
    } else {
      return this.fail(path, `expected ${describeNumber(node)}, got ${show(raw)}`);
    }
    if ((node.integer && !Number.isInteger(v)) || !inRange(node, v)) {
      return this.fail(path, `expected ${describeNumber(node)}, got ${show(raw)}`);
    }
    return v;
  }

  private string(node: StringNode, raw: unknown, path: KeyPath): string | typeof INVALID {
    if (typeof raw !== 'string') {
      const hint = typeof raw === 'number' || typeof raw === 'boolean' ? ' (put it in quotes to use it as text)' : '';
      return this.fail(path, `expected a string, got ${show(raw)}${hint}`);
    }
    if (node.minLength !== undefined && raw.length < node.minLength) {
      return this.fail(path, node.minLength === 1 ? 'expected a non-empty string' : `expected a string of at least ${node.minLength} characters`);
    }
    if (node.maxLength !== undefined && raw.length > node.maxLength) {
      return this.fail(path, `expected at most ${grouped(node.maxLength)} characters, got ${grouped(raw.length)}`);
    }
    return raw;
  }

  private enumValue(node: EnumNode<string>, raw: unknown, path: KeyPath): string | typeof INVALID {
    if (typeof raw === 'string' && node.values.includes(raw)) return raw;
    const hint = typeof raw === 'string' ? didYouMean(raw, node.values) : '';
    return this.fail(path, `expected one of ${orList(node.values.map((v) => `'${v}'`))}, got ${show(raw)}${hint}`);
  }

  private choice(node: ChoiceNode<string>, raw: unknown, path: KeyPath): string | number | typeof INVALID {
    if (typeof raw === 'string' && node.literals.includes(raw)) return raw;
    if (typeof raw === 'number') return this.number(node.number, raw, path);
    const literals = node.literals.map((v) => `'${v}'`);
    const noun = `${describeNumber(node.number)} (${lowerFirst(node.number.doc).replace(/\.$/, '')})`;
    const hint = typeof raw === 'string' ? didYouMean(raw, node.literals) : '';
    return this.fail(path, `expected ${orList([...literals, noun])}, got ${show(raw)}${hint}`);
  }

  private object(node: ObjectNode<Fields>, raw: unknown, path: KeyPath): Record<string, unknown> | typeof INVALID {
    if (raw === null) raw = {};
    const fields = node.fields;
    if (!isMapping(raw)) {
      return this.fail(path, `expected a mapping with the keys ${andList(Object.keys(fields))}, got ${show(raw)}`);
    }
    let ok = true;
    for (const key of Object.keys(raw)) {
      if (!Object.hasOwn(fields, key)) {
        this.unknownKey(path, key, Object.keys(fields));
        ok = false;
      }
    }
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(fields)) {
      const childPath = [...path, key];
      const v = raw[key] === undefined ? this.absent(child, childPath, path) : this.value(child, raw[key], childPath);
      if (v === INVALID) ok = false;
      if (v !== OMITTED) out[key] = v;
    }
    return ok ? out : INVALID;
  }

  private unknownKey(path: KeyPath, key: string, keys: readonly string[]): void {
    let hint = didYouMean(key, keys);
    if (!hint) {
      // The key exists elsewhere: suggest its full path ("degree" at the top → overlay.degree).
      allKeyPaths ??= schemaKeyPaths(scenarioSchema, '', []);
      const here = formatKeyPath(path);
      // Only a near-exact match: a loose one from another section misleads more than it helps.
      const found = allKeyPaths.find(([leaf, full]) => editDistance(leaf.toLowerCase(), key.toLowerCase()) <= 1 && full !== `${here}.${leaf}`);
      hint = found ? ` — did you mean '${found[1]}'?` : `; the keys${here ? ` of ${here}` : ''} are ${andList(keys)}`;
    }
    this.fail([...path, key], `unknown key '${key}'${hint}`, 'key');
  }

  private list(node: ListNode<Node>, raw: unknown, path: KeyPath): unknown[] | typeof INVALID {
    if (raw === null) return structuredClone(node.default ?? []);
    let items: unknown[];
    if (Array.isArray(raw) && node.maxItems !== undefined && raw.length > node.maxItems) {
      return this.fail(path, `expected at most ${node.maxItems} items, got ${raw.length}`);
    }
    if (Array.isArray(raw)) {
      items = raw.map((item, i) => this.value(node.item, item, [...path, i]));
    } else if (node.single && isMapping(raw)) {
      // One item written without the list: it is item [0], as --set and the results see it.
      items = [this.value(node.item, raw, [...path, 0])];
    } else {
      const single = node.single ? ' (or a single item)' : '';
      return this.fail(path, `expected a list${single}, got ${show(raw)}`);
    }
    if (items.includes(INVALID)) return INVALID;
    if (node.minItems !== undefined && items.length < node.minItems) {
      return this.fail(path, `expected at least ${node.minItems} item${node.minItems === 1 ? '' : 's'}, got ${items.length}`);
    }
    return items;
  }

  private distribution(node: DistNode, raw: unknown, path: KeyPath): Dist | typeof INVALID {
    const allowed = node.allowed;
    if (typeof raw === 'number' || typeof raw === 'string') {
      const parsed = parseQuantity(node.unit, raw);
      if (!parsed.ok) {
        return this.fail(path, `${parsed.message}; or write a distribution { dist: NAME, ... } with NAME one of ${orList([...allowed])}`);
      }
      if (!allowed.includes('constant')) return this.fail(path, `a constant is not allowed here: expected { dist: NAME, ... } with NAME one of ${orList([...allowed])}`);
      const range = constantRange(node);
      if (!Number.isFinite(parsed.value) || !inRange(range, parsed.value)) {
        return this.fail(path, `expected ${describeNumber(range)}, got ${show(raw)}`);
      }
      return { dist: 'constant', value: parsed.value };
    }
    if (!isMapping(raw)) {
      return this.fail(path, `expected a constant or a distribution { dist: NAME, ... } with NAME one of ${orList([...allowed])}, got ${show(raw)}`);
    }
    if (raw.dist === undefined) {
      const example = distSpecs[allowed.includes('exponential') ? 'exponential' : allowed[0]].example;
      return this.fail(path, `a distribution needs 'dist:', one of ${orList([...allowed])}, e.g. ${example}`);
    }
    const name = raw.dist;
    if (typeof name !== 'string' || !allowed.includes(name as DistName)) {
      const known = typeof name === 'string' && (distNames as string[]).includes(name) ? ` ('${name}' is not allowed here)` : '';
      const hint = typeof name === 'string' && !known ? didYouMean(name, allowed) : '';
      return this.fail([...path, 'dist'], `expected one of ${orList(allowed.map((d) => `'${d}'`))}${known}, got ${show(name)}${hint}`);
    }
    const spec = distSpecs[name as DistName];
    const paramNames = spec.params.map((p) => p.name);
    let ok = true;
    let unknown = false;
    for (const key of Object.keys(raw)) {
      if (key !== 'dist' && !paramNames.includes(key)) {
        unknown = true;
        const hint = didYouMean(key, paramNames) || `; ${name} takes ${andList(paramNames.map((p) => `'${p}'`))}`;
        this.fail([...path, key], `unknown parameter '${key}' of ${name}${hint}`, 'key');
        ok = false;
      }
    }
    const dist: Record<string, unknown> = { dist: name };
    const missing = spec.params.filter((p) => raw[p.name] === undefined).map((p) => `'${p.name}'`);
    // A misspelt parameter is already reported; its "missing" twin would only repeat it.
    if (missing.length > 0 && !unknown) this.fail(path, `${name} needs ${andList(missing)}, e.g. ${spec.example}`);
    if (missing.length > 0) ok = false;
    for (const param of spec.params) {
      const paramPath = [...path, param.name];
      if (raw[param.name] === undefined) continue;
      const v = this.number(paramNode(node, param), raw[param.name], paramPath);
      if (v === INVALID) ok = false;
      dist[param.name] = v;
    }
    if (!ok) return INVALID;
    const d = dist as Dist;
    if (d.dist === 'uniform' && d.min > d.max) {
      return this.fail([...path, 'max'], `uniform needs max >= min, got min ${show(raw.min)} and max ${show(raw.max)}`);
    }
    if (node.min !== undefined) {
      const low = lowestDraw(d);
      if (low !== undefined && low.value < node.min) {
        return this.fail([...path, low.param], `draws cannot be below ${bound(node.unit, node.min)} here, got ${low.param} ${show(raw[low.param])}`);
      }
    }
    return d;
  }
}

/** The range of a constant written for a distribution key: its floor (if any) to its max. */
export function constantRange(node: DistNode): NumberNode {
  return { kind: 'number', doc: node.doc, unit: node.unit, integer: false, min: node.min ?? -node.max, max: node.max };
}

/**
 * A distribution parameter as a number node: a plain one has its own range; one in the
 * key's unit (a mean, a scale, a bound) is finite, within ±node.max, above its own floor.
 */
export function paramNode(node: DistNode, param: DistParam): NumberNode {
  const field = param.unit === 'field';
  const min = param.min ?? (param.exclusiveMin === undefined && field ? -node.max : undefined);
  return {
    kind: 'number', doc: param.doc, integer: false, unit: field ? node.unit : 'none',
    min, exclusiveMin: param.exclusiveMin, max: field ? node.max : param.max,
  };
}

/**
 * The smallest value a distribution can draw and the parameter that sets it. Normal has
 * no lower bound: where a key has a minimum its draws are clamped to it (documented).
 */
function lowestDraw(d: Dist): { value: number; param: string } | undefined {
  switch (d.dist) {
    case 'constant': return { value: d.value, param: 'value' };
    case 'uniform': return { value: d.min, param: 'min' };
    case 'pareto': return { value: d.scale, param: 'scale' };
    default: return undefined; // exponential, lognormal, weibull >= 0; normal clamped; zipf ranks
  }
}

function lowerFirst(text: string): string {
  return text.length > 1 && /^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}

function exampleText(example: unknown): string {
  return typeof example === 'string' ? example : JSON.stringify(example);
}
