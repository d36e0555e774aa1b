/**
 * The run path with no node: module, for browsers (a playground; test/browser/ bundles it to
 * check that Chromium gives Node's results): scenario text in, results out.
 */
import { loadScenarioText } from '../scenario/load-text.js';
import type { Results } from './results.js';
import { runScenario } from './run-scenario.js';
import { textTraceFiles } from '../dynamics/churn/trace/scenario.js';

export { loadScenarioText } from '../scenario/load-text.js';
export { runScenario } from './run-scenario.js';
export { stringifyResults, withoutWallClock } from './serialize.js';

/**
 * Loads scenario text (with `key.path=value` overrides) and runs it on this thread. A scenario
 * that replays `churn.trace` finds the trace's text in `traces`, under the path as written.
 */
export function runScenarioText(text: string, fileName: string, sets: readonly string[] = [], traces: Readonly<Record<string, string>> = {}): Results {
  return runScenario(loadScenarioText(text, fileName, sets, textTraceFiles(traces)));
}
