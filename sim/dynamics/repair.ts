/**
 * Overlay repair (`overlay.repair`, without peer sampling): peers that lost neighbours in
 * a crash look for replacements, so the overlay heals instead of crumbling.
 */
import type { Graph } from '../overlay/graph.js';

/**
 * Called once every peer of a crash is down (so no walk starts at a peer about to go),
 * with `lost` = each surviving neighbour once per link it lost, or for one peer when a
 * departed neighbour's leave notice reaches it (membership.ts). A peer still alive and
 * below `targetDegree` (overlay.degree) links:
 *  - with links left, sends one random walk per lost link (`seek`, walk.ts), starting at a
 *    bootstrap peer rather than at one of its own neighbours: after a mass failure the
 *    survivors around a peer may form a small island, and walks that never leave it only
 *    wire the island into a clique (measured: a few islands of 5–7 peers sealed off for
 *    good after a 50% failure of 5,000 peers when walks started at a neighbour);
 *  - with no link left, joins again (`rejoin`: `degree` walks, retried while alone).
 * The seeking peer accepts an offered link only while below `targetDegree`, so a peer
 * that lost several links never ends above its target.
 */
export function repairLostLinks(
  lost: readonly number[],
  overlay: Graph,
  alive: Uint8Array,
  targetDegree: number,
  seek: (peer: number) => void,
  rejoin: (peer: number) => void,
): void {
  for (const q of lost) {
    if (alive[q] !== 1) continue;
    const d = overlay.degree(q);
    if (d >= targetDegree) continue;
    if (d === 0) rejoin(q);
    else seek(q);
  }
}
