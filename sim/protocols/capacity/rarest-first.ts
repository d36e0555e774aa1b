/**
 * Chunk choice over per-peer bitsets: which chunks an uploader can offer a receiver, and
 * the rarest of them (BitTorrent's rarest-first), ties broken by a salted hash so that
 * equally rare chunks are chosen evenly without a random draw per candidate.
 *
 * Bitsets: peer p's bits for chunk c live in word p·words + (c >>> 5), bit c & 31.
 * `from` = -1 stands for the server, which holds every chunk.
 */

/** Bits of the last word that are real chunks (chunks not a multiple of 32). */
export function lastWordMask(chunks: number): number {
  const r = chunks & 31;
  return r === 0 ? 0xffffffff : ((1 << r) - 1) >>> 0;
}

/** The chunk bits `from` holds in word w (all real chunks for the server). */
function offered(have: Uint32Array, words: number, from: number, w: number, lastMask: number): number {
  if (from >= 0) return have[from * words + w];
  return w === words - 1 ? lastMask : 0xffffffff;
}

/** Whether `from` holds a chunk that `to` neither holds nor is already receiving. */
export function hasWanted(
  have: Uint32Array, pending: Uint32Array, words: number, lastMask: number, from: number, to: number,
): boolean {
  const t = to * words;
  for (let w = 0; w < words; w++) {
    if ((offered(have, words, from, w, lastMask) & ~have[t + w] & ~pending[t + w]) !== 0) return true;
  }
  return false;
}

/** A 32-bit mix of (chunk, salt): the tie-break order among equally rare chunks. */
function tieRank(chunk: number, salt: number): number {
  let h = Math.imul(chunk ^ salt, 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}

/**
 * The chunk `from` should send `to`: among those `from` holds and `to` neither holds nor
 * is receiving, the one with the smallest `counts[countBase + c]` (its availability),
 * ties by `tieRank(c, salt)`. Returns -1 when there is none.
 */
export function pickRarest(
  have: Uint32Array, pending: Uint32Array, words: number, lastMask: number, from: number, to: number,
  counts: ArrayLike<number>, countBase: number, salt: number,
): number {
  const t = to * words;
  let best = -1, bestCount = Infinity, bestRank = 0;
  for (let w = 0; w < words; w++) {
    let bits = offered(have, words, from, w, lastMask) & ~have[t + w] & ~pending[t + w];
    while (bits !== 0) {
      const low = bits & -bits;
      const c = (w << 5) + (31 - Math.clz32(low));
      bits ^= low;
      const n = counts[countBase + c];
      if (n < bestCount) {
        best = c; bestCount = n; bestRank = tieRank(c, salt);
      } else if (n === bestCount) {
        const r = tieRank(c, salt);
        if (r < bestRank) { best = c; bestRank = r; }
      }
    }
  }
  return best;
}
