/**
 * The registered families (registry.ts) as lists: in run order (Family.runRank), in
 * reading order, and their schema fragments; and the type of all their scenario keys.
 * The scenario schema, the runner, the results and the report reach the families here.
 */
import type { Family } from './family.js';
import type { SchemaFragment } from '../scenario/fragment.js';
import * as registered from './registry.js';

type Registered = (typeof registered)[keyof typeof registered];

/** Every family, in run order: components start, sample and contribute in this order. */
export const FAMILIES: ReadonlyArray<Family<object>> = (Object.values(registered) as ReadonlyArray<Family<object>>)
  .slice().sort((a, b) => a.runRank - b.runRank);

/** The families in reading order (summary lines, report cards). */
export const FAMILIES_IN_READING_ORDER: ReadonlyArray<Family<object>> = [...FAMILIES].sort((a, b) => a.readingRank - b.readingRank);

/** Every family's schema fragment, in run order. */
export const FRAGMENTS: readonly SchemaFragment[] = FAMILIES.flatMap((f) => (f.schema ? [f.schema] : []));

type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
/**
 * Every family's scenario keys with their exact types, for the Scenario type (schema.ts).
 * Read from each descriptor's declared type, never from its initializer, so the Scenario
 * type does not depend on itself through the functions that take it.
 */
export type FamilyKeys = Intersection<NonNullable<Registered['schema']>['keys']>;
