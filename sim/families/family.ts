/**
 * A protocol family's descriptor: everything the runner, the scenario schema, the memory
 * guard, the results file, the CLI summary and the report need to know about one family,
 * in one object. The registry (registry.ts) lists them, one line each; nothing else names a family.
 */
import type { Component } from '../run/context.js';
import type { MetricDomain } from '../run/domains.js';
import type { Results } from '../run/results.js';
import type { SweepResults } from '../run/sweep-results.js';
import type { Scenario } from '../scenario/schema.js';
import type { FragmentKeys, SchemaFragment } from '../scenario/fragment.js';
import type { SplitContract } from '../parallel/split.js';
import type { FamilyFile, FileCommand } from './files.js';

/** What the runner tells a family's component factory about the run as a whole. */
export interface ComponentSetup {
  /** Some family's components read the overlay during the run (see Family.readsOverlayDuringRun). */
  overlayReadDuringRun: boolean;
}

/** One named part of the memory estimate, in bytes. */
export interface MemoryTerm {
  what: string;
  bytes: number;
  /** A split run holds it whole in every thread (not once, in shared memory or by owner). */
  perThread?: boolean;
  /**
   * What it takes in a split run, measured apart: `shared` bytes once, for all threads, and
   * `perThread` bytes in each (instead of the one-thread bytes and a share per extra thread).
   */
  split?: { shared: number; perThread: number };
}

/** What a family's memory terms are computed from (see run/memory-estimate.ts). */
export interface MemoryInput {
  scenario: Scenario;
  /** Peers at time 0, and the peers the per-peer arrays are sized for (arrivals included). */
  initialPeers: number;
  peers: number;
  /** `bytes` a peer times `peers`, as a named term. */
  perPeer(what: string, bytes: number): MemoryTerm;
}

/** A family's share of a run's memory: its arrays, and the events it keeps pending at its busiest. */
export interface MemoryPart {
  terms: MemoryTerm[];
  pendingEvents: number;
}

/** A headline figure of the report (a summary card). */
export interface Card {
  label: string;
  value: string;
  detail?: string;
  /** Section the card belongs to (its accent colour): the family's name or a core section. */
  group: string;
}

/**
 * A report section drawn from data alone (the report's client draws any family's section
 * the same way): line charts over named x / y columns and a table of figures.
 */
export interface ReportSection {
  id: string;
  title: string;
  intro: string;
  charts: Array<{
    title: string;
    x: { label: string };
    y: { label: string; log?: boolean };
    lines: Array<{ label: string; points: Array<[number, number]> }>;
  }>;
  table: Array<[label: string, value: string]>;
}

/**
 * `Sections`: the sections it adds to the results (see FamilyResults); `Keys`: its scenario
 * keys' exact type (`typeof xKeys`, of its schema fragment), from which the Scenario type is
 * assembled. Declare a descriptor with its type written out
 * (`export const xFamily: Family<XSections, typeof xKeys> = {...}`): its type then never
 * depends on the Scenario type its functions take (which is assembled from it).
 */
export interface Family<Sections extends object = object, Keys extends FragmentKeys = FragmentKeys> {
  /** Short name: `broadcast`, `search`... (also the accent of its cards). */
  readonly name: string;
  /**
   * Where it runs among the families, lower first: components start, sample and contribute
   * in this order, which is part of what makes a run reproducible (a family whose components
   * serve others, as sampling's views or churn's membership, runs before them). Unique.
   */
  readonly runRank: number;
  /**
   * Where its lines and cards go in the summary and the report, lower first: readers see
   * the workload (broadcasts, searches) before what happened to the network. Run order is
   * the registry's, which can differ.
   */
  readonly readingRank: number;
  /**
   * Its scenario keys and their cross-checks (its folder's schema.ts). The scenario schema
   * is assembled from the registered families' fragments (families/families.ts).
   */
  readonly schema?: SchemaFragment<Keys>;
  /**
   * Its sections of the results file: for each top-level key, the exported TypeScript type
   * of its value in `source` (a path from the package root). The published JSON Schema of
   * the results file is generated from these types (scripts/gen-results-schema.ts).
   */
  readonly results: {
    source: string;
    sections: { readonly [K in keyof Sections]-?: string };
    /** Each section's title where the report names it (a sweep report's folds): `broadcasts: 'Rumour spreading'`. */
    titles: { readonly [K in keyof Sections]-?: string };
  };
  /** The components the scenario asks of this family (none when it names none), in run order. */
  components(scenario: Scenario, setup: ComponentSetup): Component[];
  /**
   * Whether its components read the overlay while the run goes. Peer sampling keeps the
   * overlay in step with its views only when some family does (it is faster otherwise).
   */
  readsOverlayDuringRun?(scenario: Scenario): boolean;
  /** Its terms of the memory estimate, or null when the scenario does not use it. */
  memory?(input: MemoryInput): MemoryPart | null;
  /**
   * Under `engine: cycle`, its parts that have no round-based version and run event-driven:
   * the scenario key that asks for each and a few words on it (run/engine-notes.ts words the note).
   */
  eventDrivenParts?(scenario: Scenario): Array<{ key: string; part: string }>;
  /** Its lines of the CLI's one-screen summary (two-space indent, 11-character label). */
  summary?(results: Results): string[];
  /** Its headline cards in the report. */
  cards?(results: Results): Card[];
  /** What the report's client needs besides the results (theory curves), merged into the derived block. */
  derive?(results: Results): Record<string, unknown>;
  /** What the sweep report's client needs besides the sweep (bounds to draw), merged into its derived block. */
  deriveSweep?(sweep: SweepResults): Record<string, unknown>;
  /** Its report section drawn from data (families whose section the client does not draw itself). */
  reportSection?(results: Results): ReportSection | null;
  /**
   * The browser script that draws its section of the run report, as a path from the package
   * root (`sim/protocols/x/report.client.js`): plain JavaScript that registers its drawing with
   * `GS.family(name, { label, draw, spreadTraces? })` (viz/client/run-report.js says how).
   * The report inlines it with its own client code; a family without one draws through
   * `reportSection`, or only in the time series.
   */
  readonly reportClient?: string;
  /**
   * The domain of each metric of its sections (run/domains.ts), by section pattern
   * (`broadcasts[]`, `searches.byProtocol.*`): it chooses a sweep's interval and axis.
   */
  readonly metricDomains?: Readonly<Record<string, Readonly<Record<string, MetricDomain>>>>;
  /**
   * How its components run split across the threads of a parallel run (sim/parallel/split.ts).
   * Absent: a scenario that uses the family runs on one thread, and says so.
   */
  readonly split?: SplitContract;
  /**
   * The input files its keys name (a churn trace): how each is read and parsed, what it
   * changes in the scenario and how it reaches worker threads (families/files.ts).
   */
  readonly files?: ReadonlyArray<FamilyFile>;
  /** Commands it adds to the command line, each reading one of its files (`trace-summary`). */
  readonly commands?: ReadonlyArray<FileCommand>;
  /** Type only: the sections this family adds to the results (see FamilyResults). */
  readonly sectionsType?: Sections;
}
