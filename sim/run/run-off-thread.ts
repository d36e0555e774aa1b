/**
 * Runs one scenario on a worker thread (run-worker.ts) with the results a run on this thread
 * gives: the command line uses it so that Ctrl-C is handled at once, not after the run.
 */
import { Worker } from 'node:worker_threads';
import { workerEntry } from '../io/package-root.js';
import type { Scenario } from '../scenario/schema.js';
import type { Results } from './results.js';
import { filesForWorker } from '../scenario/input-files.js';

type Message = { type: 'progress'; fraction: number } | { type: 'done'; results: Results } | { type: 'error'; message: string; stack?: string };

export function runScenarioOffThread(scenario: Scenario, onProgress?: (fraction: number) => void): Promise<Results> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerEntry('run', 'run-worker'), { workerData: { scenario, files: filesForWorker(scenario) } });
    let settled = false;
    worker.on('message', (m: Message) => {
      if (m.type === 'progress') return onProgress?.(m.fraction);
      settled = true;
      if (m.type === 'done') resolve(m.results);
      else reject(Object.assign(new Error(m.message), { stack: m.stack }));
    });
    worker.once('error', (e) => { settled = true; reject(e); });
    worker.once('exit', (code) => { if (!settled) reject(new Error(`run worker exited with code ${code}`)); });
  });
}

