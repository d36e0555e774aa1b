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
  // Views of ids and ages, a shuffle buffer, epochs and timers, in-degrees; one timer a
  // peer plus exchanges in flight. The overlay is rebuilt from the views (2 × viewSize
  // slots a peer at most, and offset, degree, capacity) into new arrays while the previous
  // ones are still there, with 5 per-peer temporaries. A split run holds the views, the
  // protocol's state and one overlay (sized for the most entries) once, in shared memory;
  // each thread its rebuild's scratch (two Int32s and an ownership byte a peer) and
  // Newscast's candidate marks. (sampling/views.ts, cyclon.ts, newscast.ts, sampler.ts, split.ts)
  memory: ({ scenario, peers: n, perPeer }) => {
    const sampling = scenario.overlay.sampling;
    if (!sampling) return null;
    const v = sampling.viewSize, newscast = sampling.protocol === 'newscast';
    const protocol = newscast ? 8 : 4 * sampling.shuffleLength + 8;
    const views = perPeer(`peer-sampling views (${sampling.protocol}, view ${v})`, 8 * v + 8 + protocol + 8 + 4);
    const links = perPeer('overlay links from the views', 2 * (12 + 8 * v) + 20);
    return {
      terms: [
        { ...views, split: { shared: n * (8 * v + 8 + (newscast ? 0 : protocol) + 8), perThread: newscast ? 8 * n : 0 } },
        { ...links, split: { shared: n * (12 + 8 * v), perThread: 9 * n } },
      ],
      pendingEvents: 1.5 * n,
    };
  },
  eventDrivenParts: (scenario) => (scenario.overlay.sampling
    ? [{ key: 'overlay.sampling', part: `peer sampling (overlay.sampling: ${scenario.overlay.sampling.protocol})` }] : []),
};
