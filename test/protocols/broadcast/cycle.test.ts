/**
 * The cycle-driven engine (`engine: cycle`: synchronous rounds, no per-message latency)
 * against the event-driven one with a constant latency λ below the period.
 *
 * Identical by construction: a peer's gossip targets come from its own 'broadcast' stream
 * and a message's loss from its sender's 'network' stream, and a constant latency draws
 * nothing, so every peer makes the same draws in the same order in both engines; with
 * λ < period (2λ for pull's request and reply) each round's messages land before the next
 * round, so the same peers act in every round. Flood (and its loss draws) also agree on
 * whom a peer excludes as its sender: simultaneous arrivals are handled in sender-id order
 * by the event engine, and the cycle engine walks the senders in id order. So push, pull,
 * push `once` and flood must give the same reached, rounds, messages, duplicates and lost.
 * But pull with loss only in distribution: the cycle engine draws an answer's loss from the
 * requester's stream (so that a split round can draw it), the event engine from the answerer's.
 *
 * Push-pull differs on purpose: the cycle engine follows the synchronous model (a pull is
 * answered from the state at the start of the round: Karp, Schindelhauer, Shenker &
 * Vöcking 2000), while in the event engine a push and a pull request sent at the same tick
 * arrive at the same instant and about half the peers pushed to in round r answer pulls in
 * round r already. Push-pull is therefore checked against a direct implementation of the
 * synchronous model written here, over many seeds, and against theory.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { NamedStream } from '../../../sim/engine/random';
import { Graph } from '../../../sim/overlay/graph';
import { randomRegular } from '../../../sim/overlay/generators/random-regular';
import { BroadcastComponent } from '../../../sim/protocols/broadcast/component';
import type { BroadcastResult } from '../../../sim/protocols/broadcast/results-section';
import type { BroadcastSpec } from '../../../sim/protocols/broadcast/schema';
import { graphOf, makeTestContext, runComponents } from '../../helpers/context';
import { bfs, ringWithChords } from '../../helpers/graphs';
import { broadcastSpec, meanOverSeeds, MIXED_BROADCASTS } from './run-broadcast';

const LATENCY = 0.1;
const PERIOD = 1;

interface Case {
  n: number;
  seed: number;
  spec: Partial<BroadcastSpec>;
  graph?: Graph;
  loss?: number;
}

function run(engine: 'event' | 'cycle', c: Case): BroadcastResult {
  const ctx = makeTestContext({ n: c.n, seed: c.seed, graph: c.graph, latency: LATENCY, loss: c.loss ?? 0, scenario: { engine } });
  return runComponents(ctx, [new BroadcastComponent([broadcastSpec({ period: PERIOD, ...c.spec })])]).broadcasts![0];
}

const COUNTS = ['origin', 'reached', 'alive', 'coverage', 'allReached', 'rounds', 'messages', 'duplicates', 'lost', 'dropped'] as const;
const pick = (r: BroadcastResult) => Object.fromEntries(COUNTS.map((k) => [k, r[k]]));

describe('cycle engine = event engine with constant latency < period (identical draws)', () => {
  const n = 2000;
  const regular = randomRegular(n, { degree: 6 }, new NamedStream(5, 'test/overlay'));
  const ring = ringWithChords(n, 1, 5);
  const cases: Array<[string, Omit<Case, 'seed' | 'n'>]> = [
    ['push, uniform', { spec: { protocol: 'push' } }],
    ['push, uniform, loss 0.1', { spec: { protocol: 'push' }, loss: 0.1 }],
    ['push, fanout 2, neighbours', { spec: { protocol: 'push', fanout: 2, targets: 'neighbours' }, graph: regular }],
    ['pull, uniform', { spec: { protocol: 'pull' } }],
    ['push once, fanout 2, uniform', { spec: { protocol: 'push', forward: 'once', fanout: 2 } }],
    ['push once, fanout 3, uniform, loss 0.1', { spec: { protocol: 'push', forward: 'once', fanout: 3 }, loss: 0.1 }],
    ['flood, ring with chords', { spec: { protocol: 'flood' }, graph: ring }],
    ['flood, random-regular, loss 0.2', { spec: { protocol: 'flood' }, graph: regular, loss: 0.2 }],
    ['flood, hop limit 4', { spec: { protocol: 'flood', maxRounds: 4 }, graph: ring }],
  ];
  for (const [name, c] of cases) {
    it(name, () => {
      for (const seed of [1, 2, 3]) {
        const event = run('event', { n, seed, ...c });
        const cycle = run('cycle', { n, seed, ...c });
        expect(pick(cycle), `seed ${seed}`).toEqual(pick(event));
        // Round r happens at start + (r−1)·period in the cycle engine.
        if (cycle.rounds !== null) expect(cycle.completionTime).toBeCloseTo((cycle.rounds - 1) * PERIOD, 9);
      }
    });
  }

  it('the event engine informs λ after each round (push) or 2λ (pull: request, reply)', () => {
    for (const [protocol, lag] of [['push', LATENCY], ['pull', 2 * LATENCY]] as const) {
      const event = run('event', { n, seed: 4, spec: { protocol } });
      const cycle = run('cycle', { n, seed: 4, spec: { protocol } });
      expect(event.completionTime! - cycle.completionTime!).toBeCloseTo(lag, 9);
    }
  });
});

describe('cycle engine, pull with loss = event engine in distribution (an answer\'s loss from the requester\'s stream)', () => {
  // Each message is lost with probability `network.loss`, independently, in both engines;
  // only the stream an answer's loss comes from differs, so the draws differ run by run.
  const n = 2000, SEEDS = 40, LOSS = 0.1;
  const regular = randomRegular(n, { degree: 6 }, new NamedStream(5, 'test/overlay'));
  const cases: Array<[string, Omit<Case, 'seed' | 'n'>]> = [
    ['uniform', { spec: { protocol: 'pull' }, loss: LOSS }],
    ['fanout 2, neighbours', { spec: { protocol: 'pull', fanout: 2, targets: 'neighbours' }, graph: regular, loss: LOSS }],
  ];
  const stats = (xs: number[]) => {
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    return { mean, variance: xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1) };
  };
  for (const [name, c] of cases) {
    it(name, () => {
      const runs = { event: [] as BroadcastResult[], cycle: [] as BroadcastResult[] };
      for (let seed = 1; seed <= SEEDS; seed++) {
        for (const engine of ['event', 'cycle'] as const) runs[engine].push(run(engine, { n, seed, ...c }));
      }
      for (const r of runs.cycle) expect(r.allReached).toBe(true);
      // Mean rounds and messages: the difference of two independent 40-seed means, within
      // four of its standard errors (normal approximation; sample variances).
      for (const key of ['rounds', 'messages'] as const) {
        const e = stats(runs.event.map((r) => r[key] ?? NaN)), y = stats(runs.cycle.map((r) => r[key] ?? NaN));
        const se = Math.sqrt(e.variance / SEEDS + y.variance / SEEDS);
        expect(Math.abs(y.mean - e.mean), key).toBeLessThanOrEqual(4 * se);
      }
      // The fraction lost: network.loss, within four binomial standard errors.
      const messages = runs.cycle.reduce((a, r) => a + r.messages, 0), lost = runs.cycle.reduce((a, r) => a + r.lost, 0);
      expect(Math.abs(lost / messages - LOSS)).toBeLessThan(4 * Math.sqrt(LOSS * (1 - LOSS) / messages));
    });
  }
});

describe('cycle engine: flood is breadth-first search by rounds', () => {
  for (const seed of [1, 2]) {
    it(`after round r (at start + (r−1)·period) the informed peers are the BFS ball of radius r (seed ${seed})`, () => {
      const n = 3000, start = 2;
      const graph = ringWithChords(n, 1, seed);
      const ctx = makeTestContext({ n, seed, graph, latency: LATENCY, scenario: { engine: 'cycle' } });
      const component = new BroadcastComponent([broadcastSpec({ protocol: 'flood', at: start, period: PERIOD })]);
      component.start(ctx);
      ctx.sim.run(start - 0.5);
      const st = component.states[0];
      ctx.sim.run(start);
      const dist = bfs(graph, st.origin);
      const eccentricity = Math.max(...dist);
      expect(Math.min(...dist)).toBe(0); // connected
      for (let r = 1; r <= eccentricity + 1; r++) {
        ctx.sim.run(start + (r - 1) * PERIOD);
        let mismatches = 0;
        for (let p = 0; p < n; p++) if (st.has(p) !== (dist[p] <= r)) mismatches++;
        expect(mismatches, `round ${r}`).toBe(0);
      }
      ctx.sim.run(Infinity);
      // One event a round (the tick), none per message; every peer forwards once.
      expect(ctx.sim.events).toBe(1 + eccentricity + 1);
      expect(st.messages).toBe(2 * graph.edges - (n - 1));
      expect(st.result!.rounds).toBe(eccentricity);
    });
  }
});

describe('cycle engine: exact tiny broadcasts', () => {
  const spec = (over: Partial<BroadcastSpec>) => broadcastSpec({ origin: 0, period: PERIOD, ...over });
  const tiny = (n: number, over: Partial<BroadcastSpec>, links: Array<[number, number]> = [], loss = 0) => {
    const ctx = makeTestContext({ n, graph: graphOf(n, links), latency: LATENCY, loss, scenario: { engine: 'cycle' } });
    return runComponents(ctx, [new BroadcastComponent([spec(over)])]).broadcasts![0];
  };

  it('flood on a path 0-1-2-3 from 0 at t = 1: hop r is reached at 1 + (r−1)·period', () => {
    const r = tiny(4, { protocol: 'flood', at: 1 }, [[0, 1], [1, 2], [2, 3]]);
    expect(r).toMatchObject({ reached: 4, allReached: true, rounds: 3, completionTime: 2, messages: 3, duplicates: 0 });
    expect(r.timeline).toEqual({ time: [1, 1, 2, 3], informed: [1, 2, 3, 4] });
    expect(r.trace).toEqual([[0, 1, null], [1, 1, 0], [2, 2, 1], [3, 3, 2]]);
  });

  it('push-pull with two peers: the push informs in round 1, the reply to the request is a duplicate', () => {
    // Round 1: 0 (informed when the round began) pushes to 1; 1 (uninformed then) asks 0,
    // which answers: the answer is a duplicate. Round 2 finds everyone informed.
    expect(tiny(2, { protocol: 'push-pull' })).toMatchObject({ reached: 2, rounds: 1, completionTime: 0, messages: 3, duplicates: 1 });
  });

  it('a peer informed in round r does not answer a pull until round r+1 (snapshot)', () => {
    // Path 2-0-1, origin 0, pull over neighbours with fanout 2 (ask every neighbour). Round 1:
    // 1 and 2 ask 0 and learn it. No one else is left: rounds 1, two requests, two replies.
    expect(tiny(3, { protocol: 'pull', fanout: 2, targets: 'neighbours' }, [[0, 1], [0, 2]]))
      .toMatchObject({ reached: 3, rounds: 1, messages: 4, duplicates: 0 });
    // Path 0-1-2, origin 0: in round 1 peer 2 asks 1, which is not informed yet (it learns
    // from 0 in that same round) and stays silent; 2 learns in round 2.
    const r = tiny(3, { protocol: 'pull', fanout: 2, targets: 'neighbours' }, [[0, 1], [1, 2]]);
    expect(r).toMatchObject({ reached: 3, rounds: 2, completionTime: 1 });
    expect(r.trace).toEqual([[0, 0, null], [1, 0, 0], [2, 1, 1]]);
  });

  it('push once: each peer pushes once, in the round after it was informed', () => {
    // Star centre 0 with fanout 10 (all neighbours): round 1 the centre informs 4 leaves,
    // round 2 each leaf pushes back to the centre (4 duplicates), round 3 nothing is left.
    const r = tiny(5, { protocol: 'push', forward: 'once', fanout: 10, targets: 'neighbours' }, [[0, 1], [0, 2], [0, 3], [0, 4]]);
    expect(r).toMatchObject({ reached: 5, rounds: 1, completionTime: 0, messages: 8, duplicates: 4 });
  });

  it('total loss: the origin pushes once per round until maxRounds', () => {
    expect(tiny(2, { protocol: 'push', maxRounds: 5 }, [], 1)).toMatchObject({ reached: 1, rounds: null, messages: 5, lost: 5 });
  });

  it('a flood hop limit (maxRounds) stops forwarding', () => {
    expect(tiny(4, { protocol: 'flood', maxRounds: 2 }, [[0, 1], [1, 2], [2, 3]])).toMatchObject({ reached: 3, allReached: false, messages: 2 });
  });
});

/**
 * The synchronous push-pull model, written directly: in each round every peer calls one
 * uniformly chosen other peer; the rumour crosses the call if either side held it when
 * the round began. Returns the rounds until all n hold it.
 */
function synchronousPushPull(n: number, seed: number): number {
  const rng = new NamedStream(seed, 'test/synchronous-push-pull');
  let held = new Uint8Array(n);
  held[0] = 1;
  let count = 1;
  for (let round = 1; ; round++) {
    const next = held.slice();
    for (let p = 0; p < n; p++) {
      let q = rng.int(n - 1);
      if (q >= p) q++;
      if (held[p] && !next[q]) { next[q] = 1; count++; }
      if (held[q] && !next[p]) { next[p] = 1; count++; }
    }
    held = next;
    if (count === n) return round;
  }
}

describe('cycle engine: push-pull, uniform, is the synchronous model', () => {
  const SEEDS = 100;
  const log3 = (n: number) => Math.log(n) / Math.log(3);
  const cycle: Record<number, number> = {};
  const model: Record<number, number> = {};
  let allReached = true;
  beforeAll(() => {
    for (const n of [1000, 10_000]) {
      cycle[n] = meanOverSeeds(SEEDS, (seed) => {
        const r = run('cycle', { n, seed, spec: { protocol: 'push-pull' } });
        allReached &&= r.allReached;
        return r.rounds ?? NaN;
      });
      model[n] = meanOverSeeds(SEEDS, (seed) => synchronousPushPull(n, seed));
    }
  });

  it('reaches every peer in every run', () => {
    expect(allReached).toBe(true);
  });

  it('mean rounds agree with the model written here (± 0.3)', () => {
    // Measured per-run sd ≈ 0.5 for both: the difference of two 100-seed means has
    // sd ≈ 0.07, so ± 0.3 is four standard errors.
    for (const n of [1000, 10_000]) expect(Math.abs(cycle[n] - model[n]), `n = ${n}`).toBeLessThan(0.3);
  });

  it('mean rounds lie between log3 n and log3 n + 2 ln ln n (Karp et al. 2000)', () => {
    for (const n of [1000, 10_000]) {
      expect(cycle[n]).toBeGreaterThan(log3(n));
      expect(cycle[n]).toBeLessThan(log3(n) + 2 * Math.log(Math.log(n)));
    }
  });
});

describe('cycle engine: push, uniform, fanout 1 (Pittel 1987)', () => {
  // Same claims and tolerances as push-rounds.test.ts (log2 n + ln n + O(1); the means at
  // 1,000 and 10,000 differ by log2 10 + ln 10 ≈ 5.62, ± 0.6 = three standard errors).
  const SEEDS = 100;
  const theory = (n: number) => Math.log2(n) + Math.log(n);
  const mean: Record<number, number> = {};
  beforeAll(() => {
    for (const n of [1000, 10_000]) {
      mean[n] = meanOverSeeds(SEEDS, (seed) => run('cycle', { n, seed, spec: { protocol: 'push' } }).rounds ?? NaN);
    }
  });

  it('mean rounds = log2 n + ln n + a bounded constant in [0, 2.5]', () => {
    for (const n of [1000, 10_000]) {
      expect(mean[n] - theory(n)).toBeGreaterThan(0);
      expect(mean[n] - theory(n)).toBeLessThan(2.5);
    }
  });

  it('the means differ by log2 10 + ln 10 ≈ 5.62 (± 0.6)', () => {
    expect(Math.abs(mean[10_000] - mean[1000] - (Math.log2(10) + Math.log(10)))).toBeLessThan(0.6);
  });
});

describe('cycle engine: determinism', () => {
  const specs = MIXED_BROADCASTS;
  const once = (seed: number) => {
    const n = 3000;
    const graph = randomRegular(n, { degree: 4 }, new NamedStream(seed, 'test/overlay'));
    const ctx = makeTestContext({ n, seed, graph, loss: 0.05, scenario: { engine: 'cycle' } });
    return JSON.stringify(runComponents(ctx, [new BroadcastComponent(specs)]).broadcasts);
  };

  it('same seed, byte-identical results; another seed, other results', () => {
    const a = once(7);
    expect(once(7)).toBe(a);
    expect(once(8)).not.toBe(a);
    expect(JSON.parse(a)).toHaveLength(8);
  });
});
