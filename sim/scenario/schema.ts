/**
 * The gossipsim scenario schema (SPEC §2): the single source of truth for every key's
 * type, unit, default, range and documentation. The generic keys are here; each family's
 * keys are in its folder's schema.ts (its descriptor's fragment, gathered by
 * families/families.ts) and are placed among them by position. A key is then validated, defaulted, published in scenarios/scenario.schema.json
 * and documented in docs/scenario-reference.md. Every number is bounded (limits.ts says why).
 */
import { s, type Infer, type Dist, type Fields, type Node, type ObjectNode } from './dsl.js';
import { twoTo } from '../math/two-to.js';
import {
  MAX_DEGREE, MAX_DESCRIPTION_LENGTH, MAX_DURATION, MAX_INITIAL_PEERS, MAX_ITEMS, MAX_NAME_LENGTH, STEP_BOUNDS,
} from './limits.js';
import { place, type Placed, type Section } from './fragment.js';
import { FRAGMENTS, type FamilyKeys } from '../families/families.js';

/**
 * The generic keys. Positions order each section's keys, family keys included (a family's
 * fragment places its keys between these: data at 90, churn at 110...).
 */
const GENERIC_KEYS = {
  name: place('scenario', 10, s.string({ doc: 'Experiment name, shown as the report title and used for the default report file name.', minLength: 1, maxLength: MAX_NAME_LENGTH, example: 'Flooding vs random walk' })),
  description: place('scenario', 20, s.string({ doc: 'Markdown shown at the top of the report: why this experiment exists and what to look at.', default: '', maxLength: MAX_DESCRIPTION_LENGTH })),
  seed: place('scenario', 30, s.integer({ doc: 'Seed from which every random stream of the run is derived.', default: 1, min: 0, max: twoTo(32) - 1 })),
  engine: place('scenario', 40, s.enumOf(['event', 'cycle'], { doc: '`event`: discrete events with per-message latency; `cycle`: synchronous rounds without latency (round-based protocols).', default: 'event' })),
  duration: place('scenario', 50, s.duration({ doc: 'Simulated time limit; a run may end earlier when no event is left. At most 10000 days: event times are seconds in doubles, exact to 0.12 µs up to there, so steps of 1 µs (the shortest period) stay apart.', default: 600, ...STEP_BOUNDS, example: '10min' })),
  peers: place('scenario', 60, s.object({
    count: s.integer({ doc: 'Peers alive at time 0. At most 134 million: peer ids, with those of later arrivals, must stay below the engine\'s 2^27 − 1. Whether a run fits in memory is checked before it starts.', default: 1000, min: 1, max: MAX_INITIAL_PEERS }),
  }, { doc: 'The peer population.' })),
  network: place('scenario', 70, s.object({
    latency: s.distribution({ doc: 'One-way latency of every message (a distribution of durations).', unit: 'duration', default: { dist: 'constant', value: 0.05 }, min: 0, max: MAX_DURATION, example: '50ms' }),
    loss: s.number({ doc: 'Probability that a message is lost.', default: 0, min: 0, max: 1 }),
    knowledgeRefresh: s.duration({ doc: 'Period of global knowledge (docs/dynamics.md): with churn or peer sampling, the snapshot of live peers that a joining or repairing peer draws its bootstrap contact from (under drawn churn, the uniform targets that peers draw at their own events too), and with peer sampling the overlay other protocols read (the union of the views), are rebuilt at every multiple of it; each failure rebuilds the snapshot too. Independent of latency and of --workers, so results depend on neither.', default: 1, ...STEP_BOUNDS, example: '500ms' }),
  }, { doc: 'The network model every message crosses.' })),
  model: place('overlay', 10, s.enumOf(['random-regular', 'erdos-renyi', 'barabasi-albert', 'watts-strogatz', 'join-random'], {
    doc: 'How the initial overlay is wired.', default: 'random-regular' })),
  degree: place('overlay', 20, s.integer({ doc: `Mean degree (exact for random-regular; m = degree/2 for barabasi-albert; k for watts-strogatz). At most ${MAX_DEGREE}, below peers.count, and peers.count × degree below 2^31 (links are indexed by 32-bit offsets).`, default: 4, min: 0, max: MAX_DEGREE })),
  rewire: place('overlay', 30, s.number({ doc: 'watts-strogatz: probability that each lattice link is rewired.', default: 0.1, min: 0, max: 1 })),
  maxDegree: place('overlay', 40, s.integer({ doc: `join-random (and joins under churn): cap on the links a peer accepts (at most ${MAX_DEGREE}).`, default: 32, min: 1, max: MAX_DEGREE })),
  repair: place('overlay', 50, s.boolean({ doc: 'On losing a neighbour, a peer finds a replacement so the overlay heals.', default: false })),
  metrics: place('scenario', 200, s.object({
    sample: s.duration({ doc: 'Time-series sampling interval; duration / sample at most 10^7 samples (each is an event and a row of every series).', default: 1, ...STEP_BOUNDS }),
    highlight: s.optionalList(s.string({ doc: 'A metric path as in the results, e.g. `resilience[0].largestComponentFraction`; `[]` stands for every index.', minLength: 1, maxLength: MAX_NAME_LENGTH }), {
      doc: 'The metrics this scenario is about: a sweep report charts them first, in this order.',
      default: [], maxItems: MAX_ITEMS, example: ['resilience[0].largestComponentFraction', 'broadcasts[0].coverage'] }),
  }, { doc: 'Observation settings.' })),
};
/** The sections holding other keys, and where they sit at the top level. */
const SECTION_DOCS = {
  overlay: { position: 80, doc: 'The unstructured overlay peers are linked by.' },
  workload: { position: 100, doc: 'What the peers do.' },
};

type AllKeys = typeof GENERIC_KEYS & FamilyKeys;
/** The fields placed in section S, with their exact node types. */
type FieldsIn<S extends Section> = {
  [K in keyof AllKeys as AllKeys[K] extends Placed<S, Node> ? K : never]: AllKeys[K] extends Placed<S, infer N> ? N : never
};
type ScenarioFields = FieldsIn<'scenario'> & { overlay: ObjectNode<FieldsIn<'overlay'>>; workload: ObjectNode<FieldsIn<'workload'>> };

/** The keys of one section, generic and family ones, in position order. */
function assemble(section: Section, extra: Array<[string, Placed]>): Fields {
  const placed: Array<[string, Placed]> = [...Object.entries(GENERIC_KEYS), ...extra];
  const seen = new Set<string>();
  for (const fragment of FRAGMENTS) {
    for (const entry of Object.entries(fragment.keys)) {
      if (seen.has(entry[0]) || entry[0] in GENERIC_KEYS) throw new Error(`scenario key ${entry[0]} declared twice`);
      seen.add(entry[0]);
      placed.push(entry);
    }
  }
  const mine = placed.filter(([, p]) => p.section === section).sort((a, b) => a[1].position - b[1].position);
  return Object.fromEntries(mine.map(([key, p]) => [key, p.node]));
}

const sections = Object.entries(SECTION_DOCS).map(([key, { position, doc }]): [string, Placed] =>
  [key, place('scenario', position, s.object(assemble(key as Section, []), { doc }))]);

export const scenarioSchema = s.object(assemble('scenario', sections) as ScenarioFields, { doc: 'A gossipsim scenario.' });

/** A scenario after validation: every key present, every unit resolved to SI. */
export type Scenario = Infer<typeof scenarioSchema>;
export type { Dist };
