/**
 * A family's share of the scenario schema: its keys, each placed under a section at a
 * position, and the cross-checks that concern them. schema.ts assembles the scenario from
 * the generic keys and every family's fragment; checks.ts runs every family's check.
 */
import type { Node } from './dsl.js';
import type { KeyPath } from './errors.js';
import type { Scenario } from './schema.js';

/** The sections a key may be placed in: the top level, `overlay` or `workload`. */
export type Section = 'scenario' | 'overlay' | 'workload';

/**
 * A key placed in a section. Keys of a section are ordered by position (generic keys
 * included: see schema.ts), which fixes the order of the reference and the JSON Schema.
 */
export interface Placed<S extends Section = Section, N extends Node = Node> {
  section: S;
  position: number;
  node: N;
}

export const place = <S extends Section, N extends Node>(section: S, position: number, node: N): Placed<S, N> =>
  ({ section, position, node });

/** What a family's check reports problems with. */
export interface CheckContext {
  /** Attaches a problem to a key path (its line:column is reported). */
  problem(path: KeyPath, detail: string): void;
  /** Whether the value at `path` came from the input (else it is a default). */
  given(path: KeyPath): boolean;
  /** `text`, followed by " (the default)" when the value at `path` was not given. */
  the(path: KeyPath, text: string | number): string;
  /** The words ending a message about something scheduled at or after the end of the run. */
  never: string;
}

/** What a `metrics.highlight` path may name in this family's sections (see checks.ts). */
export interface HighlightScope {
  /** Indexed sections: a path matching `pattern` (index in group 1) needs an index below `count`. */
  indexed?: Array<{ pattern: RegExp; count: (scenario: Scenario) => number; what: string }>;
  /** Sections reported only when the scenario has a part: paths under `prefix` need `present`. */
  needs?: Array<{ prefix: string; present: (scenario: Scenario) => boolean; what: string }>;
  /** Further problem with a path, or undefined. */
  other?: (scenario: Scenario, path: string) => string | undefined;
}

/** A fragment's keys by name, each placed in a section. */
export type FragmentKeys = Readonly<Record<string, Placed>>;

/**
 * `Keys` is the exact type of its keys (`typeof xKeys`): the family's descriptor carries it,
 * and the scenario's TypeScript type is assembled from every registered family's.
 */
export interface SchemaFragment<Keys extends FragmentKeys = FragmentKeys> {
  /** Its keys by name (names are unique across the whole scenario). */
  readonly keys: Keys;
  /** Its problems involving several keys, run after every key is individually valid. */
  check?(scenario: Scenario, context: CheckContext): void;
  readonly highlight?: HighlightScope;
}
