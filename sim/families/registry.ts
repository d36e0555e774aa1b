/**
 * Every protocol family, one line each, in run order: components start, sample and
 * contribute in this order, which is part of what makes a run reproducible. Adding a
 * family is a folder exporting its descriptor (family.ts) and one line here.
 */
import type { Family } from './family.js';
import { samplingFamily } from '../protocols/sampling/family.js';
import { churnFamily, dynamicsFamily, failuresFamily } from '../dynamics/families.js';
import { structuredFamily } from '../protocols/structured/family.js';
import { searchFamily } from '../protocols/search/family.js';
import { broadcastFamily } from '../protocols/broadcast/family.js';
import { capacityFamily } from '../protocols/capacity/family.js';
import { aggregationFamily } from '../protocols/aggregation/family.js';

export const FAMILIES: ReadonlyArray<Family<object>> = [
  samplingFamily,
  churnFamily,
  failuresFamily,
  dynamicsFamily,
  structuredFamily,
  searchFamily,
  broadcastFamily,
  capacityFamily,
  aggregationFamily,
];

/** The families in reading order (summary lines, report cards). */
export const FAMILIES_IN_READING_ORDER: ReadonlyArray<Family<object>> = [...FAMILIES].sort((a, b) => a.readingRank - b.readingRank);
