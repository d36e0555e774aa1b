/**
 * Worker-thread entry for a one-thread `run` from the command line: the simulation runs
 * here so that the main thread stays free to handle Ctrl-C at once (see run-off-thread.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runScenario } from './run-scenario.js';
import type { Scenario } from '../scenario/schema.js';
import { adoptFiles, type SentFile } from '../scenario/file-store.js';

const port = parentPort!;
const { scenario, files } = workerData as { scenario: Scenario; files: SentFile[] };
// The files its keys name (a churn trace), read as the scenario loaded on the main thread.
adoptFiles(files);
try {
  let posted = -1;
  const results = runScenario(scenario, {
    onProgress: (fraction) => {
      // One message per whole percent at most: a run may take thousands of samples.
      const pct = Math.floor(fraction * 100);
      if (pct !== posted) port.postMessage({ type: 'progress', fraction }), (posted = pct);
    },
  });
  port.postMessage({ type: 'done', results });
} catch (err) {
  port.postMessage({ type: 'error', message: (err as Error)?.message ?? String(err), stack: (err as Error)?.stack });
}
