import { describe, expect, it } from 'vitest';
import { meanUploadUtilisation } from '../../sim/metrics/upload-utilisation.js';

describe('meanUploadUtilisation', () => {
  it('averages bytes / (capacity × time online) over peers that could upload', () => {
    // peer 0: 50 / (10 × 10) = 0.5; peer 1: 30 / (10 × 3) = 1; peer 2 has no upload: skipped
    expect(meanUploadUtilisation([50, 30, 0], [10, 10, 0], [10, 3, 10])).toBe(0.75);
  });
  it('is null when no peer could upload', () => {
    expect(meanUploadUtilisation([0], [0], [5])).toBeNull();
    expect(meanUploadUtilisation([], [], [])).toBeNull();
  });
});
