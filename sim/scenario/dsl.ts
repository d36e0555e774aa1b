/**
 * The scenario schema language: small builders that describe each key once (type, unit,
 * default, range, documentation). The validator, the published JSON Schema, the README
 * reference and the TypeScript types of a resolved scenario are all derived from them.
 */
import { MAX_PLAIN } from './limits.js';

/** Units a scalar or a distribution's parameters are written in; values resolve to SI. */
export type Unit =
  | 'none'      // plain number
  | 'duration'  // seconds;      "250ms", "2s", "5min", "1h" or a bare number of seconds
  | 'rate'      // per second;   "5/s", "300/min", "2/h" or a bare number per second
  | 'size'      // bytes;        "100MB", "64KiB", "1GB" or a bare number of bytes
  | 'bandwidth';// bytes/second; "10Mbps", "1Gbps", "500kbps", "2MB/s" or a bare number of bytes/s

export type DistName =
  | 'constant' | 'uniform' | 'exponential' | 'normal' | 'lognormal' | 'pareto' | 'weibull' | 'zipf';

/** A resolved distribution: every parameter in SI units of the field it describes. */
export type Dist =
  | { dist: 'constant'; value: number }
  | { dist: 'uniform'; min: number; max: number }
  | { dist: 'exponential'; mean: number }
  | { dist: 'normal'; mean: number; sd: number }
  | { dist: 'lognormal'; median: number; sigma: number }
  | { dist: 'pareto'; scale: number; shape: number }
  | { dist: 'weibull'; scale: number; shape: number }
  | { dist: 'zipf'; exponent: number };

interface Common<T> {
  /** One or two sentences for the README reference, the JSON Schema and editors. */
  doc: string;
  /** Value used when the key is absent. `undefined` makes the key required. */
  default?: T;
  /** An example value shown in the reference (defaults to `default`). */
  example?: unknown;
}

export interface NumberNode extends Common<number> {
  kind: 'number';
  unit: Unit;
  integer: boolean;
  min?: number;          // inclusive
  max?: number;          // inclusive
  exclusiveMin?: number; // strictly greater than
}
export interface StringNode extends Common<string> { kind: 'string'; minLength?: number; maxLength?: number }
export interface BooleanNode extends Common<boolean> { kind: 'boolean' }
export interface EnumNode<V extends string> extends Common<V> { kind: 'enum'; values: readonly V[] }
export interface DistNode extends Common<Dist> {
  kind: 'distribution';
  unit: Unit;
  /** Names accepted here (zipf only where a rank distribution makes sense). */
  allowed: readonly DistName[];
  /**
   * Smallest value a draw may take (e.g. latency >= 0): checked on the parameters that bound
   * the draws (a constant, uniform's min, pareto's scale). A normal is accepted; its draws
   * below `min` are clamped by the consumer (see clampNonNegative in sim/random/).
   */
  min?: number;
  /** Largest magnitude of a parameter written in the key's unit (a mean, a scale, a bound). */
  max: number;
}
export interface ObjectNode<F extends Fields> extends Common<unknown> {
  kind: 'object';
  fields: F;
}
/** An optional section: absent (or null) resolves to null. */
export interface OptionalNode<N extends Node> extends Common<null> { kind: 'optional'; inner: N }
/**
 * A list; with `single: true` one item written without the list is accepted too. With
 * `omitWhenAbsent`, an absent list stays out of the resolved scenario (an added key then
 * leaves the results of every scenario that does not use it unchanged).
 */
export interface ListNode<N extends Node> extends Common<unknown[]> {
  kind: 'list'; item: N; single: boolean; minItems?: number; maxItems?: number; omitWhenAbsent?: boolean;
}
/** A literal string or a number (e.g. `origin: random | <peer id>`). */
export interface ChoiceNode<V extends string> extends Common<V | number> {
  kind: 'choice';
  literals: readonly V[];
  number: NumberNode;
}

export type Node =
  | NumberNode | StringNode | BooleanNode | EnumNode<string> | DistNode
  | ObjectNode<any> | OptionalNode<any> | ListNode<any> | ChoiceNode<string>;
export type Fields = Record<string, Node>;

export type Infer<N> =
  N extends NumberNode ? number :
  N extends StringNode ? string :
  N extends BooleanNode ? boolean :
  N extends EnumNode<infer V> ? V :
  N extends DistNode ? Dist :
  N extends ObjectNode<infer F> ? InferFields<F> :
  N extends OptionalNode<infer I> ? Infer<I> | null :
  N extends ListNode<infer I> ? Infer<I>[] :
  N extends ChoiceNode<infer V> ? V | number :
  never;
type OmittedKeys<F extends Fields> = { [K in keyof F]: F[K] extends { omitWhenAbsent: true } ? K : never }[keyof F];
export type InferFields<F extends Fields> =
  { [K in Exclude<keyof F, OmittedKeys<F>>]: Infer<F[K]> } & { [K in OmittedKeys<F>]?: Infer<F[K]> };

type Opt<T> = Omit<T, 'kind'>;
type NumOpt = Partial<Omit<NumberNode, 'kind' | 'doc'>> & { doc: string };

export const s = {
  number: (o: NumOpt): NumberNode => ({ kind: 'number', unit: 'none', integer: false, ...o }),
  integer: (o: NumOpt): NumberNode => ({ kind: 'number', unit: 'none', ...o, integer: true }),
  duration: (o: NumOpt): NumberNode => ({ kind: 'number', integer: false, ...o, unit: 'duration' }),
  rate: (o: NumOpt): NumberNode => ({ kind: 'number', integer: false, ...o, unit: 'rate' }),
  size: (o: NumOpt): NumberNode => ({ kind: 'number', integer: false, ...o, unit: 'size' }),
  bandwidth: (o: NumOpt): NumberNode => ({ kind: 'number', integer: false, ...o, unit: 'bandwidth' }),
  string: (o: Opt<StringNode>): StringNode => ({ kind: 'string', ...o }),
  boolean: (o: Opt<BooleanNode>): BooleanNode => ({ kind: 'boolean', ...o }),
  enumOf: <const V extends string>(values: readonly V[], o: Common<V>): EnumNode<V> =>
    ({ kind: 'enum', values, ...o }),
  distribution: (o: Partial<Opt<DistNode>> & Common<Dist>): DistNode => ({
    kind: 'distribution', unit: 'none', max: MAX_PLAIN,
    allowed: ['constant', 'uniform', 'exponential', 'normal', 'lognormal', 'pareto', 'weibull'],
    ...o,
  }),
  object: <F extends Fields>(fields: F, o: Common<unknown>): ObjectNode<F> =>
    ({ kind: 'object', fields, ...o }),
  optional: <N extends Node>(inner: N, o: { doc: string; example?: unknown }): OptionalNode<N> =>
    ({ kind: 'optional', inner, default: null, ...o }),
  list: <N extends Node>(item: N, o: Common<unknown[]> & { single?: boolean; minItems?: number; maxItems?: number }): ListNode<N> =>
    ({ kind: 'list', item, single: false, ...o }),
  /** A list whose absence leaves no key in the resolved scenario (see ListNode). */
  optionalList: <N extends Node>(item: N, o: Common<unknown[]> & { maxItems?: number }): ListNode<N> & { omitWhenAbsent: true } =>
    ({ kind: 'list', item, single: false, ...o, omitWhenAbsent: true }),
  choice: <const V extends string>(literals: readonly V[], number: NumberNode, o: Common<V | number>): ChoiceNode<V> =>
    ({ kind: 'choice', literals, number, ...o }),
};
