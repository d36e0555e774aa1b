/** The gossip aggregation family's scenario keys (`aggregation`). */
import { s, type Infer } from '../../scenario/dsl.js';
import { place, type SchemaFragment } from '../../scenario/fragment.js';
import { MAX_PLAIN, MAX_ROUNDS, STEP_BOUNDS, TIME_BOUNDS } from '../../scenario/limits.js';
import { grouped } from '../../text/group-digits.js';

export const aggregationKeys = {
  aggregation: place('scenario', 150, s.optional(s.object({
    aggregate: s.enumOf(['average', 'count'], {
      doc: '`average`: each peer starts with a value drawn from `values` and all converge to their mean; `count`: one random live peer starts with 1 and the others with 0, so all converge to 1/N and each estimates the network size N as 1/value.',
      default: 'average' }),
    values: s.distribution({ doc: '`average`: the distribution of the peers\' initial values (a load, a measurement).', default: { dist: 'uniform', min: 0, max: 100 }, min: -MAX_PLAIN, max: MAX_PLAIN }),
    start: s.duration({ doc: 'When the first cycle starts.', default: 0, ...TIME_BOUNDS }),
    period: s.duration({ doc: 'Cycle length: each live peer starts one exchange per period (event engine: at its own phase within the period).', default: 1, ...STEP_BOUNDS }),
    cycles: s.integer({ doc: `Cycles run; then the peers stop exchanging. At most ${grouped(MAX_ROUNDS)}.`, default: 30, min: 1, max: MAX_ROUNDS }),
    targets: s.enumOf(['uniform', 'neighbours'], {
      doc: '`uniform`: the partner is any live peer (a peer-sampling service; under drawn churn on the event engine, a peer of the live snapshot: docs/dynamics.md); `neighbours`: a random overlay neighbour.',
      default: 'uniform' }),
  }, { doc: 'Push-pull averaging (Jelasity, Montresor & Babaoglu 2005).' }), { doc: 'Optional gossip aggregation: peers average their values pairwise until all hold the global mean.' })),
};

/** A scenario's `aggregation` section, validated. */
export type AggregationSpec = NonNullable<Infer<typeof aggregationKeys.aggregation.node>>;

export const aggregationSchema: SchemaFragment<typeof aggregationKeys> = { keys: aggregationKeys };
