import { describe, expect, it } from 'vitest';
import { partitionPeers, usableThreads } from '../../sim/parallel/partition';

describe('partitionPeers', () => {
  for (const [peers, requested] of [[64, 2], [1000, 3], [1_000_000, 2], [4097, 4], [100, 3], [150, 4]]) {
    const threads = usableThreads(peers, requested);
    it(`${peers} peers in ${threads} partitions: whole 32-peer words, contiguous, owner = floor(p / blockSize)`, () => {
      const { bounds, blockSize } = partitionPeers(peers, threads);
      expect(bounds).toHaveLength(threads + 1);
      expect(bounds[0]).toBe(0);
      expect(bounds[threads]).toBe(peers);
      expect(blockSize % 32).toBe(0);
      for (let i = 0; i < threads; i++) {
        expect(bounds[i] % 32).toBe(0);
        expect(bounds[i + 1]).toBeGreaterThan(bounds[i]);
        // every peer of partition i maps back to i
        expect(Math.floor(bounds[i] / blockSize)).toBe(i);
        expect(Math.floor((bounds[i + 1] - 1) / blockSize)).toBe(i);
      }
    });
  }
});

describe('usableThreads', () => {
  it('keeps at least 32 peers per thread', () => {
    expect(usableThreads(1_000_000, 2)).toBe(2);
    expect(usableThreads(100, 4)).toBe(2); // 4 words: 3 partitions would leave one empty
    expect(usableThreads(1000, 3)).toBe(3);
    expect(usableThreads(63, 2)).toBe(1);
    expect(usableThreads(64, 2)).toBe(2);
    expect(usableThreads(10, 8)).toBe(1);
  });
});
