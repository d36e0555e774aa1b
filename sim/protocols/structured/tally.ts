/**
 * Lookup outcomes added up as lookups end, and the summary the results carry. Its figures
 * are plain data (`LookupTallyData`), so a split run adds up its partitions' tallies.
 */
import type { LookupOutcome } from './lookup.js';
import type { LookupSummary } from './results-section.js';

/** What a tally holds: counts and sums, successful lookups by hops, and their latencies. */
export interface LookupTallyData {
  count: number;
  successes: number;
  hops: number[];
  hopSum: number;
  pathSum: number;
  pathCount: number;
  roundSum: number;
  roundCount: number;
  latencies: number[];
  messages: number;
  bytes: number;
  timeouts: number;
}

export class LookupTally {
  readonly data: LookupTallyData = {
    count: 0, successes: 0, hops: [], hopSum: 0, pathSum: 0, pathCount: 0, roundSum: 0, roundCount: 0, latencies: [], messages: 0, bytes: 0, timeouts: 0,
  };

  get count(): number { return this.data.count; }
  get successes(): number { return this.data.successes; }

  add(o: LookupOutcome): void {
    const d = this.data;
    d.count++;
    d.messages += o.messages;
    d.bytes += o.bytes;
    d.timeouts += o.timeouts;
    if (o.rounds >= 0) { d.roundSum += o.rounds; d.roundCount++; }
    if (!o.success) return;
    d.successes++;
    d.hopSum += o.hops;
    while (d.hops.length <= o.hops) d.hops.push(0);
    d.hops[o.hops]++;
    if (o.predecessorHops >= 0) { d.pathSum += o.predecessorHops; d.pathCount++; }
    d.latencies.push(o.latency);
  }

  /** Adds another tally's figures (a partition's, in a split run). Every figure is a count, a sum of integers or a list. */
  merge(other: LookupTallyData): void {
    const d = this.data;
    for (const key of ['count', 'successes', 'hopSum', 'pathSum', 'pathCount', 'roundSum', 'roundCount', 'messages', 'bytes', 'timeouts'] as const) d[key] += other[key];
    for (let h = 0; h < other.hops.length; h++) {
      while (d.hops.length <= h) d.hops.push(0);
      d.hops[h] += other.hops[h];
    }
    for (const x of other.latencies) d.latencies.push(x);
  }

  /** Lookups that succeeded, of those that ended; null before any ended. */
  successRate(): number | null {
    return this.data.count > 0 ? this.data.successes / this.data.count : null;
  }

  /** `started`: lookups started so far (those not ended yet are `unfinished`). */
  summary(started: number): LookupSummary {
    const d = this.data, n = d.count, s = d.successes;
    const sorted = Float64Array.from(d.latencies).sort();
    // Summed in sorted order: the same sum whatever order the lookups ended in (or threads added them).
    let latencySum = 0;
    for (let i = 0; i < sorted.length; i++) latencySum += sorted[i];
    const quantile = (q: number) => (sorted.length > 0 ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : null);
    return {
      count: n,
      successRate: this.successRate(),
      meanHops: s > 0 ? d.hopSum / s : null,
      hopsHistogram: d.hops.slice(),
      meanPathLength: d.pathCount > 0 ? d.pathSum / d.pathCount : null,
      meanRounds: d.roundCount > 0 ? d.roundSum / d.roundCount : null,
      meanLatency: s > 0 ? latencySum / s : null,
      medianLatency: quantile(0.5),
      p95Latency: quantile(0.95),
      messagesPerLookup: n > 0 ? d.messages / n : null,
      bytesPerLookup: n > 0 ? d.bytes / n : null,
      timeoutsPerLookup: n > 0 ? d.timeouts / n : null,
      unfinished: started - n,
    };
  }
}
