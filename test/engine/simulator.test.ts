import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bandTie, CONTROLLER, MAX_PEERS, Simulator, tieOf } from '../../sim/engine/simulator';

describe('Simulator', () => {
  it('processes events in time order, ties broken by the causing peer and its own sequence', () => {
    const sim = new Simulator(10);
    const log: string[] = [];
    const k = sim.registerKind('log', (target, src, a) => log.push(`${sim.now}:${target}<-${src}#${a}`));
    // Scheduled in a scrambled order; at equal times the order is (src, src's sequence).
    sim.at(2, k, 0, 5, 1);
    sim.at(1, k, 1, 3, 1);
    sim.at(2, k, 2, CONTROLLER, 1);
    sim.at(2, k, 3, 5, 2);
    sim.at(2, k, 4, 0, 1);
    sim.run(10);
    expect(log).toEqual(['1:1<-3#1', '2:2<--1#1', '2:4<-0#1', '2:0<-5#1', '2:3<-5#2']);
    expect(sim.events).toBe(5);
  });

  it('the order of equal-time events does not depend on the order they were scheduled in', () => {
    const order = (perm: number[]) => {
      const sim = new Simulator(10);
      const seen: number[] = [];
      const k = sim.registerKind('x', (target) => seen.push(target));
      for (const p of perm) sim.at(1, k, p, p); // each peer schedules one event of its own
      sim.run(5);
      return seen;
    };
    expect(order([3, 1, 4, 0, 2])).toEqual(order([0, 1, 2, 3, 4]));
  });

  it('an event with a band tie-break goes after every other of its instant, in band order, and moves no sequence', () => {
    const sim = new Simulator(10);
    const log: string[] = [];
    const k = sim.registerKind('log', (target, src, a) => log.push(`${target}<-${src}#${a}`));
    sim.atTie(2, bandTie(1), k, 0, 4, 1);
    sim.atTie(2, bandTie(0), k, 1, 4, 2);
    sim.at(2, k, 2, 9, 3);
    sim.at(2, k, 3, CONTROLLER, 4);
    sim.at(2, k, 4, 4, 5);
    sim.run(10);
    expect(log).toEqual(['3<--1#4', '4<-4#5', '2<-9#3', '1<-4#2', '0<-4#1']);
    // Peer 4's first own event still took its sequence number 0.
    expect(sim.nextTie(4)).toBe(tieOf(4, 1));
  });

  it('run(until) stops before later events and stop() ends the loop', () => {
    const sim = new Simulator(2);
    let n = 0;
    const k = sim.registerKind('tick', () => {
      n++;
      sim.after(1, k, 0, CONTROLLER);
      if (n === 50) sim.stop();
    });
    sim.at(0, k, 0, CONTROLLER);
    sim.run(9.5);
    expect(n).toBe(10);
    expect(sim.now).toBe(9);
    sim.run(1000);
    expect(n).toBe(50);
  });

  it('grows for peers that join later', () => {
    const sim = new Simulator(2);
    let got = -1;
    const k = sim.registerKind('x', (t, src) => (got = src));
    sim.at(1, k, 0, 1000);
    sim.run(2);
    expect(got).toBe(1000);
  });
});

describe('Simulator sequence numbers', () => {
  it('peers may number their events in a shared array (a parallel run): the ties continue where another simulator left them', () => {
    const shared = new Uint32Array(4);
    const a = new Simulator(4, 16, shared);
    const b = new Simulator(4, 16, shared);
    const one = new Simulator(4);
    // peer 2 schedules three events: two through a, one through b; one thread does the same
    const ties = [a.nextTie(2), a.nextTie(2), b.nextTie(2)];
    expect(ties).toEqual([one.nextTie(2), one.nextTie(2), one.nextTie(2)]);
    expect(shared[2]).toBe(3);
    // the controller's numbers stay each simulator's own (every partition runs the same controller events)
    expect(a.nextTie(CONTROLLER)).toBe(tieOf(CONTROLLER, 0));
    expect(b.nextTie(CONTROLLER)).toBe(tieOf(CONTROLLER, 0));
    expect(a.nextTie(CONTROLLER)).toBe(tieOf(CONTROLLER, 1));
    // a controller event sorts before any peer's at the same time
    expect(a.nextTie(CONTROLLER)).toBeLessThan(a.nextTie(0));
  });
});

describe('tie-break packing', () => {
  // Who scheduled an event, as a rank: the controller, then peers by id, then the band.
  const BAND_RANK = MAX_PEERS + 1;
  const tie = (rank: number, n: number) => (rank === 0 ? tieOf(CONTROLLER, n) : rank === BAND_RANK ? bandTie(n) : tieOf(rank - 1, n));
  const SEQ = 2 ** 26;
  const event = fc.oneof(
    fc.tuple(fc.constant(0), fc.integer({ min: 0, max: 2 ** 40 })),
    fc.tuple(fc.integer({ min: 1, max: MAX_PEERS }), fc.integer({ min: 0, max: SEQ - 1 })),
    fc.tuple(fc.constantFrom(1, 2, MAX_PEERS - 1, MAX_PEERS), fc.constantFrom(0, 1, SEQ - 2, SEQ - 1)),
    fc.tuple(fc.constant(BAND_RANK), fc.integer({ min: 0, max: 2 ** 40 })),
  );

  it('orders (who, sequence) lexicographically for every peer id below MAX_PEERS, in exact integers', () => {
    fc.assert(fc.property(event, event, ([ra, na], [rb, nb]) => {
      const ta = tie(ra, na), tb = tie(rb, nb);
      expect(Number.isSafeInteger(ta) || Math.abs(ta) === 2 ** 53).toBe(true);
      const want = ra !== rb ? Math.sign(ra - rb) : Math.sign(na - nb);
      expect(Math.sign(ta - tb)).toBe(want);
    }), { seed: 35, numRuns: 20_000 });
    // the extremes: the last peer's last sequence number stays below the band's first
    expect(tieOf(MAX_PEERS - 1, SEQ - 1)).toBeLessThan(bandTie(0));
    expect(tieOf(CONTROLLER, 2 ** 52 - 1)).toBeLessThan(tieOf(0, 0));
    expect(() => new Simulator(MAX_PEERS + 1)).toThrow(/at most 134217727 peers/);
  });

  it('orders events as the former (src + 1) · 2^29 + seq packing did, for its 2^24 − 2 peers and sequences below 2^26', () => {
    const OLD_MAX = 2 ** 24 - 2;
    const old = (rank: number, n: number) => (rank === 0 ? n : rank === BAND_RANK ? (2 ** 24 - 1) * 2 ** 29 + n : rank * 2 ** 29 + n);
    const small = fc.oneof(
      fc.tuple(fc.constant(0), fc.integer({ min: 0, max: SEQ - 1 })),
      fc.tuple(fc.integer({ min: 1, max: OLD_MAX }), fc.integer({ min: 0, max: SEQ - 1 })),
      fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 8 })),
      fc.tuple(fc.constant(BAND_RANK), fc.integer({ min: 0, max: SEQ - 1 })),
    );
    fc.assert(fc.property(small, small, ([ra, na], [rb, nb]) => {
      expect(Math.sign(tie(ra, na) - tie(rb, nb))).toBe(Math.sign(old(ra, na) - old(rb, nb)));
    }), { seed: 24, numRuns: 20_000 });
  });
});
