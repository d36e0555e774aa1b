/** The peer-sampling family (`overlay.sampling`): Cyclon or Newscast views that become the overlay. */
import type { Family } from '../../families/family.js';
import { samplingSchema, type samplingKeys } from './schema.js';
import { PeerSamplingComponent } from './component.js';
import { samplingSplit } from './split.js';
import type { SamplingSections } from './results-section.js';

export const samplingFamily: Family<SamplingSections, typeof samplingKeys> = {
  runRank: 10,
  name: 'sampling',
  metricDomains: {
    sampling: {
      exchanges: 'count', inDegreeMean: 'nonNegative', inDegreeSd: 'nonNegative', inDegreeMin: 'count',
      inDegreeMax: 'count', viewFill: 'fraction', deadLinks: 'fraction', clustering: 'fraction',
      meanPathLength: 'nonNegative', pathLengthSources: 'input', pathLengthExact: 'input',
    },
  },
  schema: samplingSchema,
  split: samplingSplit,
  readingRank: 80,
  results: { source: 'sim/protocols/sampling/results-section.ts', sections: { sampling: 'SamplingResults' }, titles: { sampling: 'Peer sampling' } },
  components: (scenario, setup) => (scenario.overlay.sampling
    ? [new PeerSamplingComponent(scenario.overlay.sampling, setup.overlayReadDuringRun)] : []),
  // Views of ids and ages, a shuffle buffer, epochs and timers; one timer a peer plus
  // exchanges in flight. The overlay follows the views (up to 2 × viewSize links a peer),
  // its runs relocating as they fill: the pool ends near 3 × its live slots (measured 480 B
  // a peer at view 20). (sampling/views.ts, cyclon.ts, newscast.ts, sampler.ts)
  memory: ({ scenario, peers: n, perPeer }) => {
    const sampling = scenario.overlay.sampling;
    if (!sampling) return null;
    const v = sampling.viewSize;
    const protocol = sampling.protocol === 'cyclon' ? 4 * sampling.shuffleLength + 8 : 8;
    return {
      terms: [perPeer(`peer-sampling views (${sampling.protocol}, view ${v})`, 8 * v + 8 + protocol + 8 + 4),
        perPeer('overlay links from the views', 12 + 24 * v)],
      pendingEvents: 1.5 * n,
    };
  },
  eventDrivenParts: (scenario) => (scenario.overlay.sampling
    ? [{ key: 'overlay.sampling', part: `peer sampling (overlay.sampling: ${scenario.overlay.sampling.protocol})` }] : []),
};
