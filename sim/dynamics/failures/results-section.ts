// The failures family's section of the results file (`resilience`).

export interface ResilienceResult {
  at: number;
  target: 'random' | 'degree';
  /** Peers that crashed: round(fraction × peers alive before). */
  removed: number;
  aliveBefore: number;
  /** Largest connected component of the survivors right after, over the peers alive before (SPEC §3). */
  largestComponentFraction: number;
  /** The same component over the survivors. */
  survivorsLargestComponentFraction: number;
  /** Connected components among the survivors, isolated peers included. */
  components: number;
  /**
   * With overlay repair or peer sampling: the largest component over the live peers,
   * `time` seconds after the failure (0: right after it, then the observer's samples up to
   * the next failure or the end).
   */
  recovery?: { time: number[]; largestComponentFraction: number[] };
}

export interface FailuresSections { resilience: ResilienceResult[] }

declare module '../../run/results.js' {
  interface FamilyResults extends Partial<FailuresSections> {}
}
