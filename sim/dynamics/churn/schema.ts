/** The churn family's scenario key (`churn`) and its cross-checks. */
import { s, type Infer } from '../../scenario/dsl.js';
import { place, type SchemaFragment } from '../../scenario/fragment.js';
import { MAX_DURATION, MAX_INITIAL_PEERS, MAX_NAME_LENGTH, MAX_RATE } from '../../scenario/limits.js';
import { grouped } from '../../text/group-digits.js';

export const churnKeys = {
  churn: place('scenario', 110, s.optional(s.object({
    session: s.distribution({ doc: 'How long a peer stays online (durations).', unit: 'duration', default: { dist: 'exponential', mean: 3600 }, min: 0, max: MAX_DURATION }),
    downtime: s.distribution({ doc: 'How long a departed peer stays offline before rejoining (durations).', unit: 'duration', default: { dist: 'exponential', mean: 1200 }, min: 0, max: MAX_DURATION }),
    arrivals: s.rate({ doc: 'Brand-new peers joining per second. peers.count + arrivals × duration must stay at most 134 million, the most peer ids the engine gives out.', default: 0, min: 0, max: MAX_RATE }),
    sync: s.boolean({ doc: 'A (re)joining peer pulls the rumours it missed from a neighbour (anti-entropy).', default: false }),
    trace: s.optional(s.string({ doc: 'An availability trace to replay instead of drawing sessions: a session CSV (`peer,start,end`, `.csv`) or a Failure Trace Archive event table (any other name); a path relative to the scenario file (to the working directory when given with --set). See docs/churn-traces.md.', minLength: 1, maxLength: MAX_NAME_LENGTH, example: 'traces/sessions.csv' }),
      { doc: 'Replay this availability trace (session, downtime and arrivals are then not used; peers.count defaults to the trace\'s peers).', example: 'traces/sessions.csv' }),
    traceScale: s.number({ doc: 'Trace replay: run time = (trace time − traceOffset) × traceScale; below 1 compresses the trace, above 1 stretches it.', default: 1, min: 1e-6, max: 1e6 }),
    traceOffset: s.duration({ doc: 'Trace replay: the trace time the run starts at (trace seconds, before scaling).', default: 0, min: 0, max: MAX_DURATION }),
    traceLoop: s.boolean({ doc: 'Trace replay: when the trace ends (its last session end), start it again from traceOffset.', default: false }),
  }, { doc: 'Peer sessions and downtimes, drawn from distributions or replayed from a trace.' }), { doc: 'Optional churn: peers leave and (re)join.' })),
};

/** A scenario's `churn` section, validated. */
export type ChurnSpec = NonNullable<Infer<typeof churnKeys.churn.node>>;

export const churnSchema: SchemaFragment<typeof churnKeys> = {
  keys: churnKeys,
  /** peers.count + arrivals × duration at most 134 million; with `trace`, no session, downtime or arrivals; without it, no trace* keys. */
  check(scenario, { problem, given }) {
    const churn = scenario.churn;
    const n = scenario.peers.count;
    const end = scenario.duration;
    if (churn && n + churn.arrivals * end > MAX_INITIAL_PEERS) {
      problem(['churn', 'arrivals'], `peers.count + arrivals × duration must stay at most ${grouped(MAX_INITIAL_PEERS)} peers (the ids the engine can give out), got ${grouped(Math.ceil(n + churn.arrivals * end))}`);
    }
    if (churn?.trace) {
      for (const key of ['session', 'downtime', 'arrivals'] as const) {
        if (given(['churn', key])) problem(['churn', key], `churn.${key} is not used when churn.trace replays a trace: remove one of the two`);
      }
    } else if (churn) {
      for (const key of ['traceScale', 'traceOffset', 'traceLoop'] as const) {
        if (given(['churn', key])) problem(['churn', key], `churn.${key} applies only with churn.trace`);
      }
    }
  },
  highlight: { needs: [{ prefix: 'churn.', present: (scenario) => scenario.churn !== null, what: 'a churn section' }] },
};

