import { describe, expect, it } from 'vitest';
import { bandTie, CONTROLLER, Simulator } from '../../sim/engine/simulator';
import { allocateOutbox, drainOutbox, OutboxWriter } from '../../sim/parallel/outbox';
import { PartitionSimulator } from '../../sim/parallel/partition-simulator';
import { PayloadPool } from '../../sim/network/messages';

// 128 peers in two partitions of 64; this is partition 0.
function make() {
  const buffer = allocateOutbox();
  const out = new OutboxWriter(buffer);
  const sim = new PartitionSimulator(128, 0, 64, 64, [null, out]);
  const log: string[] = [];
  const kind = sim.registerKind('k', (target, src, a) => log.push(`${sim.now}:${target}<-${src}:${a}`));
  return { sim, out, buffer, log, kind };
}

describe('PartitionSimulator', () => {
  it('queues events for its own peers, hands those for other partitions to their outbox, with the tie-break a one-thread run gives', () => {
    const { sim, out, buffer, kind } = make();
    const reference = new Simulator(128);
    sim.at(1, kind, 3, 2, 7);     // own peer
    sim.at(1.5, kind, 100, 2, 8); // peer of partition 1
    sim.at(2, kind, 101, 2, 9);
    expect(sim.queue.size).toBe(1);
    expect(out.count).toBe(2);
    const ties = [reference.nextTie(2), reference.nextTie(2), reference.nextTie(2)];
    const received: number[][] = [];
    drainOutbox(buffer, out.count, (...r) => received.push(r.slice(0, 7) as number[]));
    expect(received).toEqual([[1.5, ties[1], kind, 100, 2, 8, 0], [2, ties[2], kind, 101, 2, 9, 0]]);
    sim.queue.pop();
    expect(sim.queue.curTie).toBe(ties[0]);
  });

  it('an event with a chosen tie-break goes to its target\'s partition with that tie-break, moving no sequence', () => {
    const { sim, out, buffer, kind } = make();
    sim.atTie(1, bandTie(0), kind, 3, 2, 7);
    sim.atTie(1.5, bandTie(1), kind, 100, 2, 8);
    expect(sim.queue.size).toBe(1);
    const received: number[][] = [];
    drainOutbox(buffer, out.count, (...r) => received.push(r.slice(0, 7) as number[]));
    expect(received).toEqual([[1.5, bandTie(1), kind, 100, 2, 8, 0]]);
    sim.queue.pop();
    expect(sim.queue.curTie).toBe(bandTie(0));
    expect(sim.nextTie(2)).toBe(new Simulator(128).nextTie(2));
  });

  it('keeps controller events apart and runs them only when asked, at their time', () => {
    const { sim, log, kind } = make();
    sim.at(1, kind, 0, CONTROLLER, 1);
    sim.at(1, kind, 5, 4, 2);
    sim.at(0.5, kind, 6, 4, 3);
    expect(sim.controller.size).toBe(1);
    sim.runBefore(1); // strictly before 1
    expect(log).toEqual(['0.5:6<-4:3']);
    sim.runController(1);
    sim.runBefore(Infinity);
    expect(log).toEqual(['0.5:6<-4:3', '1:0<--1:1', '1:5<-4:2']);
    expect(sim.events).toBe(2);
    expect(sim.controllerEvents).toBe(1);
  });

  it('runs inline controller events among its peers\' events in (time, tie) order, as one thread does, without ending a window', () => {
    const buffer = allocateOutbox();
    const sim = new PartitionSimulator(128, 0, 64, 64, [null, new OutboxWriter(buffer)]);
    const reference = new Simulator(128);
    sim.runInline('launch');
    const logs: string[][] = [[], []];
    [sim, reference].forEach((s, i) => {
      const log = logs[i];
      const launch = s.registerKind('launch', (_t, _s, a) => {
        log.push(`${s.now} launch ${a}`);
        if (a < 3) s.at(s.now + 1, launch, 0, CONTROLLER, a + 1); // the next launch
        if (a === 0) s.at(2, fail, 0, CONTROLLER, 8); // at the next launch's instant, tie after it
        s.at(s.now + 0.5, peer, 2, 1, a); // a message of the origin, peer 1
      });
      const peer = s.registerKind('peer', (target, src, a) => log.push(`${s.now} ${target}<-${src}:${a}`));
      const fail = s.registerKind('fail', (_t, _s, a) => log.push(`${s.now} fail ${a}`));
      s.at(1, launch, 0, CONTROLLER, 0);
      s.at(3, fail, 0, CONTROLLER, 9); // at the third launch's instant, tie before it
      s.at(1.5, peer, 3, 4, 7); // at the instant of the first launch's message, earlier tie
    });
    expect(sim.controller.size).toBe(1);
    expect(sim.inline.size).toBe(1);
    expect(sim.controllerNext()).toBe(1);
    sim.runBefore(2); // up to the window-ending one; the launch at 1 runs inside
    expect(sim.controllerNext()).toBe(2);
    sim.runController(2); // launch 1, then `fail` 8, in tie order
    sim.runBefore(3);
    sim.runController(3); // `fail` 9, then launch 2
    sim.runBefore(Infinity);
    reference.run(Infinity);
    expect(logs[0]).toEqual(logs[1]);
    expect(logs[0].filter((e) => / (launch|fail) /.test(e))).toEqual(['1 launch 0', '2 launch 1', '2 fail 8', '3 fail 9', '3 launch 2', '4 launch 3']);
    expect(sim.controllerEvents).toBe(6);
  });

  it('runs no kind inline once told so (some family\'s peer events change what controller events read)', () => {
    const sim = new PartitionSimulator(128, 0, 64, 64, [null, null]);
    sim.runInline('launch');
    sim.noInline();
    const launch = sim.registerKind('launch', () => undefined);
    sim.at(1, launch, 0, CONTROLLER);
    expect(sim.controller.size).toBe(1);
    expect(sim.inline.size).toBe(0);
  });

  it('keeps a kind inline when told always (a churn arrival), and says when controller events run at a window\'s start', () => {
    const sim = new PartitionSimulator(128, 0, 64, 64, [null, null]);
    sim.runInline('launch');
    sim.runInline('arrive', true);
    sim.noInline();
    const seen: string[] = [];
    const note = (name: string) => () => { seen.push(`${sim.now} ${name} ${sim.atWindowStart}`); };
    const launch = sim.registerKind('launch', note('launch'));
    const arrive = sim.registerKind('arrive', note('arrive'));
    sim.at(1, launch, 0, CONTROLLER);
    sim.at(0.5, arrive, 0, CONTROLLER);
    sim.at(1, arrive, 0, CONTROLLER);
    expect(sim.controller.size).toBe(1);
    expect(sim.inline.size).toBe(2);
    sim.runBefore(1);
    sim.runController(1);
    // The arrival at 0.5 ran among the peers' events; the one at 1 with the launch, at a window's start.
    expect(seen).toEqual(['0.5 arrive false', '1 launch true', '1 arrive true']);
    expect(sim.atWindowStart).toBe(false);
  });

  it('ships a pooled message to another partition with a copy of its fields, re-posted in a slot of the receiver\'s pool', () => {
    const buffer = allocateOutbox();
    const senderPool = new PayloadPool(3), receiverPool = new PayloadPool(3);
    const sender = new PartitionSimulator(128, 0, 64, 64, [null, new OutboxWriter(buffer)]);
    const receiver = new PartitionSimulator(128, 64, 128, 64, [null, null]);
    const got: string[] = [];
    for (const [sim, pool] of [[sender, senderPool], [receiver, receiverPool]] as const) {
      sim.registerKind('inline', (target, src, a, b) => got.push(`inline ${target}<-${src} ${a} ${b}`));
      sim.registerKind('pooled', (target, src, slot) => {
        const d = pool.data, at = slot * pool.stride;
        got.push(`pooled ${target}<-${src} ${d[at]},${d[at + 1]},${d[at + 2]}`);
      }, pool);
    }
    for (let m = 0; m < 5; m++) {
      const slot = senderPool.take();
      senderPool.data.set([m, -m, 1000 + m], slot * 3);
      sender.at(1 + m, 1, 64 + m, 2, slot, 0.5);
      sender.at(1.5 + m, 0, 70, 3, m, m / 4);
    }
    expect(senderPool.inUse).toBe(0);
    const out = (sender as unknown as { outboxes: OutboxWriter[] }).outboxes[1];
    drainOutbox(buffer, out.count, receiver.receive, receiver.pooled);
    expect(receiverPool.inUse).toBe(5);
    receiver.runBefore(Infinity);
    expect(receiverPool.inUse).toBe(0);
    expect(got).toEqual([0, 1, 2, 3, 4].flatMap((m) => [`pooled ${64 + m}<-2 ${m},${-m},${1000 + m}`, `inline 70<-3 ${m} ${m / 4}`]));
  });
});
