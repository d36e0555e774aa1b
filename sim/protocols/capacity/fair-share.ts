/**
 * Max-min fair sharing of one link among flows that each have their own cap (progressive
 * filling): how the client-server mode splits the server's upload among the downloads.
 */

/**
 * Fills `rates[i]` for every active flow i (active[i] === 1) with its max-min fair share
 * of `capacity`: all flows grow together until a flow reaches its cap `caps[i]`, which
 * then stays there while the others keep growing, until the capacity is used up.
 * `order` lists the flow indices by ascending cap (inactive ones are skipped), so one
 * pass suffices. Inactive flows get rate 0. Returns the capacity handed out.
 */
export function maxMinFairShare(
  capacity: number, caps: Float64Array, order: Int32Array, active: Uint8Array, rates: Float64Array,
): number {
  let flows = 0;
  for (let k = 0; k < order.length; k++) if (active[order[k]] === 1) flows++;
  let left = capacity;
  let used = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    if (active[i] !== 1) { rates[i] = 0; continue; }
    const share = left / flows;
    // Flows are visited by ascending cap: once one is not capped, none after it is.
    const r = caps[i] < share ? caps[i] : share;
    rates[i] = r;
    left -= r;
    used += r;
    flows--;
  }
  return used;
}

/** Flow indices 0..n-1 sorted by ascending cap, ties by index (deterministic). */
export function orderByCap(caps: Float64Array): Int32Array {
  const order = Int32Array.from({ length: caps.length }, (_, i) => i);
  return order.sort((a, b) => caps[a] - caps[b] || a - b);
}
