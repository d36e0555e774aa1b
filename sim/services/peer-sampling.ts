/**
 * What the membership shared by churn and failures asks of peer sampling (Cyclon, Newscast):
 * a typed dependency, so the membership names the interface, not the sampling family.
 */

/** Each live peer's view: `size[p]` entries, the i-th a peer id. */
export interface SampledViews {
  readonly size: Int32Array;
  id(peer: number, i: number): number;
}

/** What the rest of the simulator (churn, failures, the observer) asks of peer sampling. */
export interface PeerSamplingService {
  readonly views: SampledViews;
  /** Told when a (re)joining peer got its first neighbours (set by the membership). */
  onLinked: (peer: number) => void;
  /** Told when a live peer's view has run empty, at its next tick (set by the membership). */
  onAlone: (peer: number) => void;
  /** Right after `peer` went down: its own view is lost; entries pointing at it stay (dead links). */
  peerDown(peer: number): void;
  /** Right after `peer` came back up: entries pointing at it are live again. */
  peerUp(peer: number): void;
  /** `peer` (just up, empty view) asks bootstrap peer `via` for its view, then starts exchanging. */
  join(peer: number, via: number): void;
  /** Makes room for peers 0..n-1. */
  ensureSize(n: number): void;
  /** Fraction of the entries of all views that point at peers that are down. */
  deadLinkFraction(): number;
  /** Makes `ctx.overlay` match the views (call before reading it; see ViewTable). */
  syncOverlay(): void;
  /** Another protocol reads the overlay during the run: rebuild it at each refresh of global knowledge. */
  readonly overlayReadDuringRun: boolean;
  /** View exchanges started so far. */
  readonly exchanges: number;
}
