/** The JSON line a benchmark workload prints, and helpers to measure one. */
export interface BenchRow {
  workload: string;
  peers: number | null;
  wallSeconds: number;
  events: number | null;
  eventsPerSecond: number | null;
  peakRssBytes: number;
  bytesPerPeer: number | null;
  workers?: number;
  engine?: string;
  extra?: Record<string, unknown>;
}

export function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

export function emit(row: BenchRow): void {
  process.stdout.write(JSON.stringify(row) + '\n');
}
