/**
 * The run path with no node: module, for browsers (a playground; test/browser/ bundles it to
 * check that Chromium gives Node's results): scenario text in, results out.
 */
import { loadScenarioText } from '../scenario/load-text.js';
import type { Results } from './results.js';
import { runScenario } from './run-scenario.js';
import { textFiles } from '../scenario/input-files.js';

export { loadScenarioText } from '../scenario/load-text.js';
export { runScenario } from './run-scenario.js';
export { stringifyResults, withoutWallClock } from './serialize.js';

/**
 * Loads scenario text (with `key.path=value` overrides) and runs it on this thread. The files
 * its keys name (a churn trace) are found in `files`: their texts, by the path as written.
 */
export function runScenarioText(text: string, fileName: string, sets: readonly string[] = [], files: Readonly<Record<string, string>> = {}): Results {
  return runScenario(loadScenarioText(text, fileName, sets, textFiles(files)));
}
