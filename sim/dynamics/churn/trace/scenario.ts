/**
 * What `churn.trace` changes in a scenario as it loads: the path resolved against the
 * scenario file, `peers.count` taken from the trace when omitted (and checked when given),
 * and `churn.traceOffset` inside the trace. No node: modules: files come through TraceFiles.
 */
import { ScenarioError, type KeyPath } from '../../../scenario/errors.js';
import type { Scenario } from '../../../scenario/schema.js';
import type { Locator } from '../../../scenario/validate.js';
import { parseTraceText } from './parse.js';
import { rememberTrace, traceOf } from './store.js';
import type { Trace } from './trace.js';

/** How a scenario loader finds trace files: Node reads them (node-files.ts); by default, only traces already stored. */
export interface TraceFiles {
  /** The path `churn.trace` names, as the run will look it up: relative to the scenario file, or to the working directory for --set. */
  resolve(written: string, scenarioFile: string, fromSet: boolean): string;
  read(path: string): Trace;
}

/** Traces already in the store, under the path as written. */
export const storedTraceFiles: TraceFiles = { resolve: (written) => written, read: traceOf };

/** Traces given as text (a browser has no files), by the path as written in the scenario; parsed once and stored. */
export function textTraceFiles(texts: Readonly<Record<string, string>>): TraceFiles {
  return {
    resolve: (written) => written,
    read(path) {
      if (!Object.hasOwn(texts, path)) return traceOf(path);
      const trace = parseTraceText(texts[path], path);
      rememberTrace(path, trace);
      return trace;
    },
  };
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Before validation, on the raw mapping (--set applied): resolves `churn.trace` (relative to
 * the scenario file's folder, or to the working directory when it came from --set), reads
 * the trace (a bad one throws `file:line: ...`), and fills in or checks `peers.count`.
 */
export function applyTrace(
  raw: Record<string, unknown>, scenarioFile: string, fromSet: boolean, locate: Locator, files: TraceFiles,
): void {
  const churn = raw.churn;
  if (!isMapping(churn) || typeof churn.trace !== 'string' || churn.trace === '') return;
  const path = files.resolve(churn.trace, scenarioFile, fromSet);
  churn.trace = path;
  let trace: Trace;
  try {
    trace = files.read(path);
  } catch (error) {
    // A file that cannot be read is the scenario's mistake, reported at its key; a bad line
    // is the trace's, reported at `trace:line`.
    if (error instanceof ScenarioError && error.line === undefined && error.file === path) {
      const keyPath = ['churn', 'trace'];
      throw ScenarioError.at(`${error.detail.replace(/\.$/, '')} (${path})`, keyPath, locate(keyPath, 'value'), scenarioFile);
    }
    throw error;
  }
  const tracePeers = trace.ids.length;
  const at = (keyPath: KeyPath, detail: string) => ScenarioError.at(detail, keyPath, locate(keyPath, 'value'), scenarioFile);
  if (tracePeers === 0) throw at(['churn', 'trace'], `the trace ${path} has no session to replay`);
  if (raw.peers === undefined || raw.peers === null) raw.peers = {};
  const peers = raw.peers;
  if (!isMapping(peers)) return; // the validator says what is wrong with it
  if (peers.count === undefined) {
    peers.count = tracePeers;
  } else if (typeof peers.count === 'number' && peers.count < tracePeers) {
    throw at(['peers', 'count'], `the trace ${path} has ${tracePeers} distinct peers, more than peers.count (${peers.count}): leave peers.count out to take it from the trace, or give at least ${tracePeers} (peers beyond the trace stay online)`);
  }
}

/** Sessions a run may replay at most (a looped trace, scaled down, could ask for billions). */
export const MAX_REPLAYED_SESSIONS = 1e9;

/**
 * After validation: a traceOffset at or past the trace's last session end would replay
 * nothing, and a looped trace must not replay more than MAX_REPLAYED_SESSIONS sessions.
 */
export function checkTraceWindow(scenario: Scenario, scenarioFile: string, locate: Locator): void {
  const churn = scenario.churn;
  if (!churn?.trace) return;
  const trace = traceOf(churn.trace);
  const last = trace.lastEnd;
  const fail = (keyPath: KeyPath, detail: string) => ScenarioError.at(detail, keyPath, locate(keyPath, 'value'), scenarioFile);
  if (churn.traceOffset >= last) {
    throw fail(['churn', 'traceOffset'], `the trace ${churn.trace} ends at ${last} s (trace time), so an offset of ${churn.traceOffset} s would replay nothing`);
  }
  if (churn.traceLoop) {
    const repeats = scenario.duration / ((last - churn.traceOffset) * churn.traceScale);
    const replayed = repeats * trace.start.length;
    if (replayed > MAX_REPLAYED_SESSIONS) {
      throw fail(['churn', 'traceScale'], `looping the trace ${Math.ceil(repeats)} times would replay about ${replayed.toExponential(1)} sessions, more than ${MAX_REPLAYED_SESSIONS.toExponential(0)}: raise traceScale or shorten the duration`);
    }
  }
}
