/** The broadcast family's scenario keys (`workload.broadcasts`) and their cross-checks. */
import { s, type Infer } from '../../scenario/dsl.js';
import { place, type SchemaFragment } from '../../scenario/fragment.js';
import { MAX_FANOUT, MAX_ITEMS, MAX_ROUNDS, MAX_RUMOURS, PEER_LIMIT, STEP_BOUNDS, TIME_BOUNDS } from '../../scenario/limits.js';
import { formatDuration } from '../../scenario/units.js';
import { grouped } from '../../text/group-digits.js';

const broadcast = s.object({
  at: s.duration({ doc: 'When the (first) broadcast starts.', default: 0, ...TIME_BOUNDS, example: '1s' }),
  count: s.integer({ doc: `Number of broadcasts started, one every \`every\`. At most ${MAX_RUMOURS} rumours in all the broadcasts together: each keeps its own state for every peer.`, default: 1, min: 1, max: MAX_RUMOURS }),
  every: s.duration({ doc: 'Interval between successive broadcasts when `count` > 1.', default: 30, ...STEP_BOUNDS }),
  origin: s.choice(['random'], s.integer({ doc: 'Peer id of the origin.', min: 0, max: PEER_LIMIT - 1 }), {
    doc: 'Peer that starts the rumour: `random` (a random live peer) or a peer id.', default: 'random' }),
  protocol: s.enumOf(['push', 'pull', 'push-pull', 'flood'], {
    doc: 'push: informed peers send each round; pull: uninformed peers ask each round and a target that has the rumour replies; push-pull: both, so an exchange leaves both sides informed if either was; flood: on first receipt, forward to all overlay neighbours but the sender (fanout, targets, forward and period are ignored).',
    default: 'push' }),
  forward: s.enumOf(['once', 'rounds'], {
    doc: '`once` = infect-and-die: push to `fanout` targets on first receipt only; `rounds` = every informed peer gossips each `period` until `maxRounds`. Concerns pushing: pull peers ask every round either way.',
    default: 'rounds' }),
  fanout: s.integer({ doc: `Targets contacted per gossip action; at most peers.count (there are no more peers to contact) and ${MAX_FANOUT} (the events a peer schedules before its tie-breaks repeat).`, default: 1, min: 1, max: MAX_FANOUT }),
  period: s.duration({ doc: 'Length of a gossip round: round r (r = 1, 2, ...) starts at `at` + (r−1)·period, the origin holding the rumour in round 0.', default: 1, ...STEP_BOUNDS }),
  maxRounds: s.integer({ doc: `Rounds after which peers stop gossiping this rumour; gossip stops earlier, at the first round that finds every live peer informed. For push \`once\` and flood: the hop limit. At most ${grouped(MAX_ROUNDS)} (each round is an event for every informed peer).`, default: 200, min: 1, max: MAX_ROUNDS }),
  targets: s.enumOf(['neighbours', 'uniform'], {
    doc: '`neighbours`: gossip partners are overlay neighbours; `uniform`: any live peer other than oneself, chosen uniformly (under drawn churn, a push `once` forwarding on receipt draws from the live snapshot: docs/dynamics.md).',
    default: 'neighbours' }),
}, { doc: 'A rumour (or update) spread through the network.' });

export const broadcastKeys = {
  broadcasts: place('workload', 10, s.list(broadcast, { doc: 'Rumours spread through the network.', default: [], single: true, maxItems: MAX_ITEMS })),
};

/** One `workload.broadcasts` entry, validated. */
export type BroadcastSpec = Infer<typeof broadcastKeys.broadcasts.node>[number];

export const broadcastSchema: SchemaFragment<typeof broadcastKeys> = {
  keys: broadcastKeys,
  /** An origin must be a peer id < peers.count, a fanout at most peers.count; at most 10^4 rumours in all. */
  check(scenario, { problem, never }) {
    const n = scenario.peers.count;
    scenario.workload.broadcasts.forEach((b, i) => {
      const base = ['workload', 'broadcasts', i];
      if (typeof b.origin === 'number' && b.origin >= n) {
        problem([...base, 'origin'], `peer ${b.origin} does not exist: peers.count is ${n}, so peer ids go from 0 to ${n - 1}`);
      }
      if (b.at >= scenario.duration) problem([...base, 'at'], `the broadcast starts at ${formatDuration(b.at)}${never}`);
      if (b.fanout > n) problem([...base, 'fanout'], `expected at most peers.count (${n}): there are no more peers to contact, got ${b.fanout}`);
    });
    const rumours = scenario.workload.broadcasts.reduce((sum, b) => sum + b.count, 0);
    if (rumours > MAX_RUMOURS) {
      problem(['workload', 'broadcasts'], `at most ${MAX_RUMOURS} rumours in all (each keeps state for every peer), got ${rumours} (the sum of the counts)`);
    }
  },
  highlight: {
    indexed: [{
      pattern: /^broadcasts\[(\d+)\]/,
      count: (scenario) => scenario.workload.broadcasts.reduce((n, b) => n + b.count, 0),
      what: 'broadcast(s) (workload.broadcasts, counting each count)',
    }],
  },
};
