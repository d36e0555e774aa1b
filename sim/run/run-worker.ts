/**
 * Worker-thread entry for a one-thread `run` from the command line: the simulation runs
 * here so that the main thread stays free to handle Ctrl-C at once (see run-off-thread.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runScenario } from './run-scenario.js';
import type { Scenario } from '../scenario/schema.js';
import { rememberTrace } from '../dynamics/churn/trace/store.js';
import type { Trace } from '../dynamics/churn/trace/trace.js';

const port = parentPort!;
const { scenario, traces } = workerData as { scenario: Scenario; traces: Array<[string, Trace]> };
for (const [path, trace] of traces) rememberTrace(path, trace);
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
