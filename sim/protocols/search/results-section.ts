/** The search family's sections of the results file: the searches (SPEC §3) and the data placement. */
import type { SearchSummary } from './stats.js';

export interface SearchResults extends SearchSummary {
  /** With more than one `workload.searches` entry: the figures of each protocol. */
  byProtocol?: { [protocol: string]: SearchSummary };
  /** With more than one entry: each entry's figures, in scenario order. */
  bySearch?: Array<SearchSummary & { protocol: string }>;
  /** With `hybrid`: the super-peer directory. */
  directory?: { superPeers: number; registrationMessages: number; reattachments: number };
}

export interface DataResults {
  objects: number;
  strategy: 'uniform' | 'proportional' | 'square-root';
  ratio: number;
  replicas: number;
  minReplicas: number;
  maxReplicas: number;
  storedReplicas: number;
  /** Cohen & Shenker's expected search size for this placement (null when infinite). */
  expectedSearchSize: number | null;
}

export interface SearchSections {
  searches: SearchResults;
  data: DataResults;
}

declare module '../../run/results.js' {
  interface FamilyResults extends Partial<SearchSections> {}
}
