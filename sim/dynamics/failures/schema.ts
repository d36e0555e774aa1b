/** The failures family's scenario key (`failures`) and its cross-check. */
import { s, type Infer } from '../../scenario/dsl.js';
import { place, type SchemaFragment } from '../../scenario/fragment.js';
import { MAX_ITEMS, TIME_BOUNDS } from '../../scenario/limits.js';
import { formatDuration } from '../../scenario/units.js';

const failure = s.object({
  at: s.duration({ doc: 'When the failure happens.', ...TIME_BOUNDS, example: '60s' }),
  fraction: s.number({ doc: 'Fraction of the peers alive at that moment that crash.', min: 0, max: 1, example: 0.5 }),
  target: s.enumOf(['random', 'degree'], {
    doc: '`random`: uniformly chosen peers; `degree`: highest-degree peers first (a targeted attack).', default: 'random' }),
}, { doc: 'A scheduled mass failure.' });

export const failuresKeys = {
  failures: place('scenario', 120, s.list(failure, { doc: 'Scheduled mass failures and attacks.', default: [], single: true, maxItems: MAX_ITEMS })),
};

/** One `failures` entry, validated. */
export type FailureSpec = Infer<typeof failuresKeys.failures.node>[number];

export const failuresSchema: SchemaFragment<typeof failuresKeys> = {
  keys: failuresKeys,
  /** A failure must happen before `duration`. */
  check(scenario, { problem, never }) {
    scenario.failures.forEach((f, i) => {
      if (f.at >= scenario.duration) problem(['failures', i, 'at'], `the failure happens at ${formatDuration(f.at)}${never}`);
    });
  },
  highlight: { indexed: [{ pattern: /^resilience\[(\d+)\]/, count: (scenario) => scenario.failures.length, what: 'failure(s) (failures)' }] },
};
