/**
 * "Did you mean" for misspelt keys and enum values: the nearest candidate by
 * case-insensitive Damerau–Levenshtein distance (optimal string alignment).
 */

/** Edits (insert, delete, substitute, swap two adjacent letters) turning `a` into `b`. */
export function editDistance(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  // Three rolling rows: the swap needs the row before the previous one.
  let before = new Array<number>(m + 1).fill(0);
  let previous = Array.from({ length: m + 1 }, (_, j) => j);
  let current = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    current[0] = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      current[j] = d;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[m];
}

/** Largest distance still taken for a typo of a word of this length. */
function tolerance(length: number): number {
  if (length <= 3) return 1;
  if (length <= 6) return 2;
  return 3;
}

/**
 * The candidate nearest to `input` (ignoring case), or undefined when none is close
 * enough to be a plausible typo. Ties go to the earlier candidate (schema order).
 */
export function suggest(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const hay = candidate.toLowerCase();
    let d = editDistance(needle, hay);
    // "maxdegree" vs "maxDegree", or a separator written differently ("max_degree").
    if (d > 0 && needle.replace(/[-_ ]/g, '') === hay.replace(/[-_ ]/g, '')) d = 0.5;
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  return bestDistance <= tolerance(Math.max(needle.length, best.length)) && bestDistance < needle.length ? best : undefined;
}

/** ` — did you mean 'x'?` or the empty string. */
export function didYouMean(input: string, candidates: readonly string[]): string {
  const match = suggest(input, candidates);
  return match === undefined ? '' : ` — did you mean '${match}'?`;
}
