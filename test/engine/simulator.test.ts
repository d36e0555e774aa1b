import { describe, expect, it } from 'vitest';
import { bandTie, CONTROLLER, Simulator } from '../../sim/engine/simulator';

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
    expect(sim.nextTie(4)).toBe(5 * 536_870_912 + 1);
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
    expect(a.nextTie(CONTROLLER)).toBe(0);
    expect(b.nextTie(CONTROLLER)).toBe(0);
    expect(a.nextTie(CONTROLLER)).toBe(1);
    // a controller event sorts before any peer's at the same time
    expect(a.nextTie(CONTROLLER)).toBeLessThan(a.nextTie(0));
  });
});
