/** The peer-sampling family's scenario keys (`overlay.sampling`) and their cross-check. */
import { s, type Infer } from '../../scenario/dsl.js';
import { place, type SchemaFragment } from '../../scenario/fragment.js';
import { MAX_VIEW, STEP_BOUNDS } from '../../scenario/limits.js';

export const samplingKeys = {
  sampling: place('overlay', 60, s.optional(s.object({
    protocol: s.enumOf(['cyclon', 'newscast'], { doc: 'Peer-sampling protocol.', default: 'cyclon' }),
    period: s.duration({ doc: 'Interval between view exchanges of a peer.', default: 10, ...STEP_BOUNDS }),
    viewSize: s.integer({ doc: `Entries in each peer's partial view (at most ${MAX_VIEW}: each peer keeps 2 × viewSize 32-bit words).`, default: 20, min: 1, max: MAX_VIEW }),
    shuffleLength: s.integer({ doc: 'Entries exchanged per shuffle (Cyclon); at most viewSize.', default: 5, min: 1, max: MAX_VIEW }),
  }, { doc: 'Gossip-based peer sampling.' }), { doc: 'Optional gossip peer-sampling service whose views form the overlay.' })),
};

/** A scenario's `overlay.sampling` section, validated. */
export type SamplingSpec = NonNullable<Infer<typeof samplingKeys.sampling.node>>;

export const samplingSchema: SchemaFragment<typeof samplingKeys> = {
  keys: samplingKeys,
  /** shuffleLength <= viewSize. */
  check(scenario, { problem, the }) {
    const sampling = scenario.overlay.sampling;
    if (sampling && sampling.shuffleLength > sampling.viewSize) {
      const p = ['overlay', 'sampling', 'shuffleLength'];
      problem(p, `expected at most overlay.sampling.viewSize (${the(['overlay', 'sampling', 'viewSize'], sampling.viewSize)}), got ${the(p, sampling.shuffleLength)}`);
    }
  },
  highlight: { needs: [{ prefix: 'sampling.', present: (scenario) => scenario.overlay.sampling !== null, what: 'overlay.sampling' }] },
};
