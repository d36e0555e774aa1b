/** Lookup outcomes added up as lookups end, and the summary the results carry. */
import type { LookupOutcome } from './lookup.js';
import type { LookupSummary } from './results-section.js';

export class LookupTally {
  count = 0;
  successes = 0;
  private hops: number[] = [];
  private hopSum = 0;
  private pathSum = 0;
  private pathCount = 0;
  private roundSum = 0;
  private roundCount = 0;
  private latencies: number[] = [];
  private latencySum = 0;
  private messages = 0;
  private bytes = 0;
  private timeouts = 0;

  add(o: LookupOutcome): void {
    this.count++;
    this.messages += o.messages;
    this.bytes += o.bytes;
    this.timeouts += o.timeouts;
    if (o.rounds >= 0) { this.roundSum += o.rounds; this.roundCount++; }
    if (!o.success) return;
    this.successes++;
    this.hopSum += o.hops;
    while (this.hops.length <= o.hops) this.hops.push(0);
    this.hops[o.hops]++;
    if (o.predecessorHops >= 0) { this.pathSum += o.predecessorHops; this.pathCount++; }
    this.latencies.push(o.latency);
    this.latencySum += o.latency;
  }

  /** Lookups that succeeded, of those that ended; null before any ended. */
  successRate(): number | null {
    return this.count > 0 ? this.successes / this.count : null;
  }

  /** `started`: lookups started so far (those not ended yet are `unfinished`). */
  summary(started: number): LookupSummary {
    const n = this.count, s = this.successes;
    const sorted = Float64Array.from(this.latencies).sort();
    const quantile = (q: number) => (sorted.length > 0 ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : null);
    return {
      count: n,
      successRate: this.successRate(),
      meanHops: s > 0 ? this.hopSum / s : null,
      hopsHistogram: this.hops.slice(),
      meanPathLength: this.pathCount > 0 ? this.pathSum / this.pathCount : null,
      meanRounds: this.roundCount > 0 ? this.roundSum / this.roundCount : null,
      meanLatency: s > 0 ? this.latencySum / s : null,
      medianLatency: quantile(0.5),
      p95Latency: quantile(0.95),
      messagesPerLookup: n > 0 ? this.messages / n : null,
      bytesPerLookup: n > 0 ? this.bytes / n : null,
      timeoutsPerLookup: n > 0 ? this.timeouts / n : null,
      unfinished: started - n,
    };
  }
}
