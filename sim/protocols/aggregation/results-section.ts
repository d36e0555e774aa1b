/** The aggregation family's section of the results file: the estimates' mean and variance per cycle. */

export interface AggregationResults {
  aggregate: 'average' | 'count';
  targets: 'uniform' | 'neighbours';
  engine: 'cycle' | 'event';
  /** What the peers should converge to: the mean of the initial values (count: 1 / peers). */
  trueMean: number;
  /**
   * Per cycle, from cycle 0 (the initial values) to the last: when it was measured (s), and
   * the mean and the variance (unbiased, over live peers) of the peers' estimates.
   */
  cycle: number[];
  time: number[];
  mean: number[];
  variance: number[];
  /**
   * Geometric mean of variance(c) / variance(c−1) over the cycles before the variance fell
   * below 1e-20 of its start (null with fewer than one such cycle). Theory for uniform
   * targets on the cycle engine: 1/(2√e) ≈ 0.303 (Jelasity et al. 2005).
   */
  varianceFactor: number | null;
  /**
   * The live peers' estimates when the run ended, every exchange settled (a cycle's
   * measurement may catch the event engine's exchanges half done: responder updated,
   * reply in flight).
   */
  finalMean: number;
  finalVariance: number;
  /** Exchanges that changed both peers (completed), or only the responder (reply lost or late). */
  exchanges: number;
  halfExchanges: number;
  /** Event engine: requests refused by a peer busy in its own exchange; exchanges abandoned at the next tick. */
  refused: number;
  abandoned: number;
  /** count: the network-size estimate 1/value over the live peers at the end (null if some value is 0). */
  sizeEstimate: { median: number; min: number; max: number } | null;
}

export interface AggregationSections {
  aggregation: AggregationResults;
}

declare module '../../run/results.js' {
  interface FamilyResults extends Partial<AggregationSections> {}
}
