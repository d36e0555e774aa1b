/**
 * Every protocol family: one line each, naming its folder's descriptor. Adding a family is
 * its folder (descriptor, schema fragment, component, results, report) and one line here;
 * families.ts turns these lines into the list the runner, the schema and the report iterate.
 */
export { samplingFamily } from '../protocols/sampling/family.js';
export { churnFamily } from '../dynamics/churn/family.js';
export { failuresFamily } from '../dynamics/failures/family.js';
export { dynamicsFamily } from '../dynamics/observer/family.js';
export { searchFamily } from '../protocols/search/family.js';
export { broadcastFamily } from '../protocols/broadcast/family.js';
export { capacityFamily } from '../protocols/capacity/family.js';
export { aggregationFamily } from '../protocols/aggregation/family.js';
export { structuredFamily } from '../protocols/structured/family.js';
