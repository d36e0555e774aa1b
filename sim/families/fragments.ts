/**
 * Every family's schema fragment, in registry order. Listed apart from the descriptors
 * (which own them: `Family.schema`) so that the scenario schema loads without the
 * families' runtime code, and its TypeScript type can see each fragment's exact keys.
 */
import type { SchemaFragment } from '../scenario/fragment.js';
import { samplingKeys, samplingSchema } from '../protocols/sampling/schema.js';
import { churnKeys, churnSchema, failuresKeys, failuresSchema } from '../dynamics/schema.js';
import { searchKeys, searchSchema } from '../protocols/search/schema.js';
import { broadcastKeys, broadcastSchema } from '../protocols/broadcast/schema.js';
import { structuredKeys, structuredSchema } from '../protocols/structured/schema.js';
import { capacityKeys, capacitySchema } from '../protocols/capacity/schema.js';
import { aggregationKeys, aggregationSchema } from '../protocols/aggregation/schema.js';

export const FRAGMENTS: readonly SchemaFragment[] = [
  samplingSchema,
  churnSchema,
  failuresSchema,
  structuredSchema,
  searchSchema,
  broadcastSchema,
  capacitySchema,
  aggregationSchema,
];

/** Every family's keys, for the scenario's type (schema.ts). */
export type FamilyKeys =
  & typeof samplingKeys & typeof churnKeys & typeof failuresKeys & typeof structuredKeys & typeof searchKeys
  & typeof broadcastKeys & typeof capacityKeys & typeof aggregationKeys;
