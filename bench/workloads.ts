/**
 * The benchmark workloads `npm run bench` runs, each in its own process (so peak RSS is
 * that workload's own). Each file prints one JSON line per workload (see bench/row.ts).
 */
export interface Workload {
  name: string;
  /** Compiled file under dist/bench/, e.g. 'queue.js'. */
  file: string;
  args?: string[];
  /** The issue that asked for it. */
  issue: number;
}

export const workloads: Workload[] = [
  { name: 'event queue, hold model (10^6 pending, 2·10^7 pop+push)', file: 'queue.js', issue: 3 },
];
