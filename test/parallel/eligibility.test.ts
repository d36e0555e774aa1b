import { describe, expect, it } from 'vitest';
import { minimumLatency, planParallelRun } from '../../sim/parallel/eligibility';
import { validate } from '../../sim/scenario/validate';

const push = { protocol: 'push', targets: 'uniform', fanout: 1, period: '1s' };
function scenario(extra: Record<string, unknown> = {}) {
  return validate({
    name: 'eligibility',
    peers: { count: 10_000 },
    network: { latency: { dist: 'uniform', min: '100ms', max: '500ms' } },
    workload: { broadcasts: [push] },
    ...extra,
  });
}

describe('planParallelRun', () => {
  it('splits a broadcast scenario whose latency has a positive minimum; the lookahead is that minimum', () => {
    expect(planParallelRun(scenario(), 2)).toEqual({ threads: 2, lookahead: 0.1, note: null });
    expect(planParallelRun(scenario({ network: { latency: '30ms' } }), 3)).toEqual({ threads: 3, lookahead: 0.03, note: null });
  });

  it('one thread, no note, when one is asked for', () => {
    expect(planParallelRun(scenario(), 1)).toMatchObject({ threads: 1, note: null });
  });

  it('falls back when the latency can be 0: no lookahead', () => {
    for (const latency of [{ dist: 'exponential', mean: '100ms' }, { dist: 'normal', mean: '100ms', sd: '50ms' }, 0]) {
      const s = scenario({ network: { latency } });
      expect(minimumLatency(s)).toBe(0);
      const plan = planParallelRun(s, 2);
      expect(plan.threads).toBe(1);
      expect(plan.note).toMatch(/no lookahead/);
    }
  });

  it('splits churn and peer sampling (docs/dynamics.md), with broadcasts, sync and aggregation, uniform targets and partners too (from the live snapshot)', () => {
    const churn = { session: '10min', downtime: '5min' }, workload = { broadcasts: [] };
    expect(planParallelRun(scenario({ churn, workload }), 2)).toEqual({ threads: 2, lookahead: 0.1, note: null });
    expect(planParallelRun(scenario({ churn, workload, overlay: { repair: true } }), 2)).toEqual({ threads: 2, lookahead: 0.1, note: null });
    expect(planParallelRun(scenario({ churn, workload, overlay: { sampling: { protocol: 'cyclon' } } }), 2)).toEqual({ threads: 2, lookahead: 0.1, note: null });
    expect(planParallelRun(scenario({ churn }), 2)).toEqual({ threads: 2, lookahead: 0.1, note: null });
    expect(planParallelRun(scenario({ churn: { ...churn, sync: true } }), 2)).toEqual({ threads: 2, lookahead: 0.1, note: null });
    // A push once forwards on receipt to uniform targets drawn from the live snapshot (global knowledge).
    const once = { broadcasts: [{ protocol: 'push', forward: 'once', targets: 'uniform' }] };
    expect(planParallelRun(scenario({ churn, workload: once }), 2)).toEqual({ threads: 2, lookahead: 0.1, note: null });
    expect(planParallelRun(scenario({ churn: { ...churn, sync: true }, workload: once, overlay: { repair: true } }), 3)).toEqual({ threads: 3, lookahead: 0.1, note: null });
    // On the cycle engine too, where a push once forwards at its round's tick.
    expect(planParallelRun(scenario({ engine: 'cycle', churn: { ...churn, sync: true }, overlay: { sampling: { protocol: 'cyclon' } } }), 2)).toEqual({ threads: 2, lookahead: 0.1, note: null });
    expect(planParallelRun(scenario({ engine: 'cycle', churn, workload: { broadcasts: [{ protocol: 'push', forward: 'once', targets: 'uniform' }] } }), 2)).toEqual({ threads: 2, lookahead: 0.1, note: null });
    const directory = { workload: { searches: { count: 10, protocol: 'directory' } }, hybrid: { superPeers: 0.01 } };
    expect(planParallelRun(scenario({ churn, ...directory }), 2)).toEqual({ threads: 2, lookahead: 0.1, note: null });
    expect(planParallelRun(scenario({ churn, ...directory, overlay: { sampling: { protocol: 'cyclon' } } }), 2)).toEqual({ threads: 2, lookahead: 0.1, note: null });
    const aggregation = { aggregate: 'average', targets: 'neighbours' };
    expect(planParallelRun(scenario({ churn, aggregation }), 2)).toEqual({ threads: 2, lookahead: 0.1, note: null });
    // Uniform partners come from the live snapshot too.
    expect(planParallelRun(scenario({ churn, aggregation: { ...aggregation, targets: 'uniform' } }), 2)).toEqual({ threads: 2, lookahead: 0.1, note: null });
    // Failures with peer sampling or churn (each thread takes down its own victims: membership.ts).
    const failures = [{ at: '5s', fraction: 0.2 }];
    expect(planParallelRun(scenario({ overlay: { sampling: { protocol: 'newscast' } }, failures }), 2)).toEqual({ threads: 2, lookahead: 0.1, note: null });
    expect(planParallelRun(scenario({ churn, workload, failures, overlay: { repair: true } }), 2)).toEqual({ threads: 2, lookahead: 0.1, note: null });
  });

  it('splits churn arrivals beside every family (a traced cycle round with too many peer ids aside), and says why', () => {
    const churn = { session: '10min', downtime: '5min', arrivals: '2/s' }, workload = { broadcasts: [] };
    expect(planParallelRun(scenario({ churn, workload }), 2)).toEqual({ threads: 2, lookahead: 0.1, note: null });
    expect(planParallelRun(scenario({ churn, workload, overlay: { sampling: { protocol: 'cyclon' } } }), 3)).toEqual({ threads: 3, lookahead: 0.1, note: null });
    expect(planParallelRun(scenario({ churn, workload, failures: [{ at: '5s', fraction: 0.2 }] }), 2)).toEqual({ threads: 2, lookahead: 0.1, note: null });
    // With anti-entropy and broadcasts on the event engine (each thread acts for its own peers, arrivals included).
    const broadcasts = [{ ...push, targets: 'neighbours' }];
    expect(planParallelRun(scenario({ churn: { ...churn, sync: true }, workload: { broadcasts }, overlay: { sampling: { protocol: 'cyclon' } } }), 2)).toEqual({ threads: 2, lookahead: 0.1, note: null });
    expect(planParallelRun(scenario({ engine: 'cycle', churn, workload: { broadcasts } }), 2)).toEqual({ threads: 2, lookahead: 0.1, note: null });
    // A traced cycle round (at most 500 peers) keys its messages among all the run's peer ids in an Int32.
    const traced = planParallelRun(scenario({ engine: 'cycle', peers: { count: 400 }, duration: '10min', churn, workload: { broadcasts } }), 2);
    expect(traced.threads).toBe(1);
    expect(traced.note).toMatch(/^broadcast \(cycle-engine rounds with a trace \(at most 500 peers\) and \d+ peer ids with the churn arrivals: a round's message keys would not fit\) cannot run split/);
    // With aggregation (its estimates are the initial peers') and directory searches (an arrival attaches at its owner's thread).
    const aggregation = { aggregate: 'average', targets: 'neighbours' };
    const searches = [{ protocol: 'directory', count: 3, start: '1s', spacing: '1s' }];
    expect(planParallelRun(scenario({ churn, workload: { broadcasts, searches }, aggregation, hybrid: { superPeers: 0.05 }, failures: [{ at: '5s', fraction: 0.2 }] }), 2)).toEqual({ threads: 2, lookahead: 0.1, note: null });
  });

  it('splits expanding rings where peer events or refreshes change the origin\'s links (the origin\'s thread sends its links as of the quiet instant)', () => {
    const searches = [{ protocol: 'expanding-ring', count: 3, start: '1s', spacing: '1s' }];
    for (const extra of [
      {},
      { failures: [{ at: '2s', fraction: 0.2 }] },
      { failures: [{ at: '2s', fraction: 0.2 }], overlay: { repair: true } },
      { churn: { session: '10min', downtime: '5min' } },
      { churn: { session: '10min', downtime: '5min' }, overlay: { repair: true } },
      { overlay: { sampling: { protocol: 'cyclon' } } },
    ]) {
      expect(planParallelRun(scenario({ workload: { broadcasts: [], searches }, ...extra }), 2), JSON.stringify(extra)).toEqual({ threads: 2, lookahead: 0.1, note: null });
    }
  });

  it('splits Chord and Kademlia with dht searches, with churn and arrivals, iterative or recursive Chord lookups (protocols/structured/split.ts)', () => {
    const searches = { count: 10, protocol: 'dht' };
    for (const protocol of ['chord', 'kademlia']) {
      for (const bootstrap of ['ideal', 'join']) {
        expect(planParallelRun(scenario({ structured: { protocol, bootstrap }, workload: { searches } }), 2)).toEqual({ threads: 2, lookahead: 0.1, note: null });
      }
    }
    const churn = { session: { dist: 'exponential', mean: '10min' } };
    expect(planParallelRun(scenario({ structured: { protocol: 'kademlia' }, churn, workload: { searches } }), 2)).toEqual({ threads: 2, lookahead: 0.1, note: null });
    expect(planParallelRun(scenario({ structured: { protocol: 'chord' }, churn: { ...churn, arrivals: 1 }, workload: { searches } }), 2)).toEqual({ threads: 2, lookahead: 0.1, note: null });
    expect(planParallelRun(scenario({ structured: { protocol: 'chord', bootstrap: 'ideal', chord: { lookup: 'recursive' } }, workload: { searches } }), 2)).toEqual({ threads: 2, lookahead: 0.1, note: null });
  });

  it('splits floods, random walks, expanding rings and the directory (searches end or restart at barriers, see protocols/search/split.ts)', () => {
    for (const protocol of ['flood', 'random-walk', 'expanding-ring', 'directory']) {
      const hybrid = protocol === 'directory' ? { hybrid: { superPeers: 0.01 } } : {};
      expect(planParallelRun(scenario({ workload: { searches: { count: 10, protocol } }, ...hybrid }), 2)).toEqual({ threads: 2, lookahead: 0.1, note: null });
    }
  });

  it('splits failures, with or without overlay repair (each thread takes down its own victims between barriers)', () => {
    const failures = [{ at: '5s', fraction: 0.2, target: 'degree' }];
    expect(planParallelRun(scenario({ failures }), 2)).toEqual({ threads: 2, lookahead: 0.1, note: null });
    expect(planParallelRun(scenario({ failures, overlay: { repair: true } }), 2)).toEqual({ threads: 2, lookahead: 0.1, note: null });
  });

  it('splits the cycle engine\'s broadcast rounds, pull replies with loss too, but not its aggregation', () => {
    expect(planParallelRun(scenario({ engine: 'cycle' }), 2)).toEqual({ threads: 2, lookahead: 0.1, note: null });
    const flood = { protocol: 'flood' };
    expect(planParallelRun(scenario({ engine: 'cycle', network: { latency: '100ms', loss: 0.1 }, workload: { broadcasts: [push, flood] } }), 2).threads).toBe(2);
    // A pull's answer draws its loss from the requester's stream (cycle-delivery.ts).
    for (const protocol of ['pull', 'push-pull']) {
      for (const loss of [0, 0.1]) {
        expect(planParallelRun(scenario({ engine: 'cycle', network: { latency: '100ms', loss }, workload: { broadcasts: [{ ...push, protocol }] } }), 2))
          .toEqual({ threads: 2, lookahead: 0.1, note: null });
      }
    }
    const aggregation = planParallelRun(scenario({ engine: 'cycle', aggregation: { aggregate: 'average' } }), 2);
    expect(aggregation.threads).toBe(1);
    expect(aggregation.note).toMatch(/^aggregation \(an exchange updates two peers at once\) is not partition-safe/);
  });

  it('uses fewer threads on small networks (whole 32-peer words each), and says so', () => {
    expect(planParallelRun(scenario({ peers: { count: 40 } }), 2)).toMatchObject({ threads: 1 });
    expect(planParallelRun(scenario({ peers: { count: 40 } }), 2).note).toMatch(/at least 32 peers per thread/);
    const plan = planParallelRun(scenario({ peers: { count: 96 } }), 8);
    expect(plan.threads).toBe(3);
    expect(plan.note).toMatch(/3 threads used of the 8 requested/);
  });

  it('keeps capacity on one thread and says why: its flow model has no latency, so no lookahead', () => {
    const capacity = { mode: 'p2p', file: '10MB', chunk: '256KiB', server: { upload: '100Mbps' }, peer: { upload: '2Mbps', download: '10Mbps' } };
    const plan = planParallelRun(scenario({ capacity, workload: { broadcasts: [] } }), 2);
    expect(plan.threads).toBe(1);
    expect(plan.note).toMatch(/^capacity \(its flow model .* no message latency, so there is no lookahead\)/);
  });
});
