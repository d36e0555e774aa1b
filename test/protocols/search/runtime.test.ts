/**
 * Answers follow the reverse path hop by hop, each hop a message: from a peer to the peer
 * it first received the query from (Gnutella's query-id routing), so a walk's loops are
 * cut out of the way back. Exact, on hand-built walks.
 */
import { describe, expect, it } from 'vitest';
import { placementFromHolders } from '../../../sim/data/placement';
import { QuerySlot } from '../../../sim/protocols/search/query-slot';
import { InlineMessageType, PayloadPool } from '../../../sim/network/messages';
import { CONTROL_FIELDS, SearchRuntime } from '../../../sim/protocols/search/runtime';
import type { SearchProtocol } from '../../../sim/protocols/search/protocol';
import { makeTestContext } from '../../helpers/context';

const L = 0.05;

function setup() {
  const ctx = makeTestContext({ n: 10, latency: L });
  const hops: Array<[number, number]> = [];
  let rt!: SearchRuntime;
  const slot = new QuerySlot(0);
  const answer = ctx.transport.message('answer', ['query', 'hops'] as const, (target, src, _a, b) => {
    hops.push([src, target]);
    slot.inFlight--;
    rt.onAnswer(slot, target, b);
  });
  const control = ctx.transport.messageType('control', new PayloadPool(CONTROL_FIELDS), () => {});
  rt = new SearchRuntime(ctx, placementFromHolders(10, [[5]]), { query: new InlineMessageType('query', -1, ['query', 'hops']), answer, control }, ctx.peerStreams('search'));
  const protocol = { name: 'random-walk' } as SearchProtocol;
  slot.reset(0, 0, protocol, 0, 0, 0);
  return { ctx, rt, slot, hops };
}

describe('answers along the reverse path', () => {
  it('a walk 0→1→2→3→1→5 answers 5→1→0: the loop 1→2→3→1 is cut out', () => {
    const { ctx, rt, slot, hops } = setup();
    const walk = [0, 1, 2, 3, 1, 5];
    // first visits only, as the walk protocol keeps them: 1 first heard it from 0, not 3
    walk.forEach((peer, h) => slot.visit(peer, h === 0 ? -1 : walk[h - 1], false));
    expect(slot.parentOf(1)).toBe(0);
    rt.hit(slot, 5, walk.length - 1);
    ctx.sim.run(Infinity);
    expect(hops).toEqual([[5, 1], [1, 0]]);
    expect(slot.answerMessages).toBe(2);
    expect(slot.answers).toBe(1);
    // The hit is 5 hops from the origin along the walk; the answer arrives after 2 hops.
    expect(slot.hopsToHit).toBe(5);
    expect(slot.timeToHit).toBeCloseTo(2 * L, 12);
    // Search size: distinct peers probed (origin excluded) when the holder was probed.
    expect(slot.probesToHit).toBe(4);
  });

  it('a chain without loops answers back along every hop', () => {
    const { ctx, rt, slot, hops } = setup();
    const chain = [0, 4, 7, 5];
    chain.forEach((peer, h) => slot.visit(peer, h === 0 ? -1 : chain[h - 1], false));
    rt.hit(slot, 5, chain.length - 1);
    ctx.sim.run(Infinity);
    expect(hops).toEqual([[5, 7], [7, 4], [4, 0]]);
    expect(slot.timeToHit).toBeCloseTo(3 * L, 12);
  });
});
