/** uniformLivePeer: uniform over the live peers, never the excluded one, and it ends when none is left. */
import { describe, expect, it } from 'vitest';
import { uniformLivePeer } from '../../sim/random/live-peer';
import { NamedStream } from '../../sim/engine/random';

describe('uniformLivePeer', () => {
  it('returns -1, without looping, when the only live peer is the excluded one (default draws)', () => {
    const alive = new Uint8Array(1000);
    alive[7] = 1;
    expect(uniformLivePeer(alive, alive.length, new NamedStream(1, 'live'), 7)).toBe(-1);
    expect(uniformLivePeer(new Uint8Array(50), 50, new NamedStream(1, 'live'))).toBe(-1);
  });
  it('finds the single other live peer', () => {
    const alive = new Uint8Array(1000);
    alive[7] = 1;
    alive[993] = 1;
    expect(uniformLivePeer(alive, alive.length, new NamedStream(2, 'live'), 7)).toBe(993);
  });
});
