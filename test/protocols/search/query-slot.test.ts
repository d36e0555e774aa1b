/**
 * What a query keeps per peer (the ring of its latest first visit and the peer it first
 * heard the query from), and what a control message carries (a code, a peer and hops), exactly.
 */
import { describe, expect, it } from 'vitest';
import { MAX_PEERS } from '../../../sim/engine/simulator';
import { QuerySlot } from '../../../sim/protocols/search/query-slot';
import type { SearchProtocol } from '../../../sim/protocols/search/protocol';
import { InlineMessageType, PayloadPool } from '../../../sim/network/messages';
import { CONTROL_FIELDS, SearchRuntime } from '../../../sim/protocols/search/runtime';
import { placementFromHolders } from '../../../sim/data/placement';
import { makeTestContext } from '../../helpers/context';

function slot(): QuerySlot {
  const s = new QuerySlot(0);
  s.reset(0, 0, { name: 'flood' } as SearchProtocol, 3, 0, 0);
  return s;
}

describe('QuerySlot visits', () => {
  it('keep the first parent (walks) or the latest (floods), and know the ring', () => {
    const s = slot();
    s.rings = 1;
    expect(s.visit(3, -1, true)).toBe(true);
    expect(s.visit(7, 3, false)).toBe(true);
    expect(s.visit(7, 9, false)).toBe(false); // a walk's later visit keeps the first parent
    expect(s.parentOf(7)).toBe(3);
    expect(s.parentOf(3)).toBe(-1);
    expect(s.seenInRing(7)).toBe(true);
    s.rings = 2; // the next ring of an expanding ring: earlier visits are not in it
    expect(s.seenInRing(7)).toBe(false);
    expect(s.visit(7, 12, true)).toBe(false);
    expect([s.seenInRing(7), s.parentOf(7)]).toEqual([true, 12]);
    expect(s.peersProbed).toBe(1); // 7; the origin is not counted
  });

  it('hold the largest peer ids and many rings', () => {
    const s = slot();
    s.rings = 1000;
    s.visit(MAX_PEERS - 1, MAX_PEERS - 2, true);
    expect(s.parentOf(MAX_PEERS - 1)).toBe(MAX_PEERS - 2);
    expect(s.seenInRing(MAX_PEERS - 1)).toBe(true);
    expect(s.seenInRing(0)).toBe(false);
  });
});

describe('control messages', () => {
  it('carry their code, a peer (or none) and the hops exactly, in their payload', () => {
    const ctx = makeTestContext({ n: 10, latency: 0.01 });
    const got: Array<[number, number, number]> = [];
    const payloads = new PayloadPool(CONTROL_FIELDS);
    const control = ctx.transport.messageType('control', payloads, (_t, _s, m) => {
      const d = payloads.data, at = m * CONTROL_FIELDS;
      got.push([d[at + 2], d[at + 3], d[at + 1]]);
    });
    const rt = new SearchRuntime(ctx, placementFromHolders(10, []), { query: new InlineMessageType('query', -1, ['query', 'hops']), answer: new InlineMessageType('answer', -1, ['query', 'hops']), control }, ctx.peerStreams('search'));
    const s = slot();
    rt.sendControl(s, 0, 1, 2, MAX_PEERS - 1, 2 ** 31 - 1);
    rt.sendControl(s, 0, 1, 3, -1, 0);
    ctx.sim.run(Infinity);
    expect(got).toEqual([[2, MAX_PEERS - 1, 2 ** 31 - 1], [3, -1, 0]]);
    expect(s.controlMessages).toBe(2);
    expect(payloads.inUse).toBe(0); // every slot given back once its message was handled
  });
});
