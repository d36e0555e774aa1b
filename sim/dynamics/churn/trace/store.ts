/**
 * The traces loaded in this process, by the path a scenario's `churn.trace` resolves to. No
 * node: modules: Node reads files into it (load.ts), a browser would parse text into it.
 */
import { traceError, type Trace } from './trace.js';

const traces = new Map<string, Trace>();

export function rememberTrace(path: string, trace: Trace): void {
  traces.set(path, trace);
}

/** The trace loaded for `path`, if any. */
export function storedTrace(path: string): Trace | undefined {
  return traces.get(path);
}

/** The trace loaded for `path`; a ScenarioError if none was (in Node, scenarios load it as they load). */
export function traceOf(path: string): Trace {
  const trace = traces.get(path);
  if (!trace) throw traceError(path, undefined, 'this trace was not loaded: load the scenario with loadScenarioFile or loadScenarioText of sim/scenario/load.ts, which read churn.trace');
  return trace;
}
