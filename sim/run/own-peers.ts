/**
 * A split run's thread, as the families it runs see it (sim/parallel/): the peers it owns
 * and a barrier. Controller events that take peers of every thread down or up (a failure,
 * a trace step) write only this thread's peers' part of shared state, then wait.
 */
import { serviceKey } from './services.js';

export interface OwnPeers {
  /** Whether this thread owns peer p (its range of the initial peers, and its arrivals). */
  owns(p: number): boolean;
  /** Waits for every thread (every thread calls it as often, at the same controller events). */
  wait(): void;
  /** Who is alive is one shared array: each thread writes its own peers' bytes only. */
  readonly sharedAlive: boolean;
  /** The overlay is one shared copy: each thread writes its own peers' runs only. */
  readonly sharedLinks: boolean;
}

/** Provided by a split run's threads (absent on one thread). */
export const OWN_PEERS = serviceKey<OwnPeers>('own-peers');
