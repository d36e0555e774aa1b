/**
 * `npm run fuzz -- --runs N --seed S [--cli K]`: validates N generated scenarios in-process
 * (scripts/fuzz-cases.ts), then K of them through the real CLI, running the valid ones that
 * are small. Prints a failing case shrunk to a minimal scenario file; exit 1 if any.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { caseArb, checkCase, describeCase, throughCli, type FuzzCase } from './fuzz-cases.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const CLI = resolve(HERE, '..', 'sim', 'cli', 'main.js');
/** A case the worker has not finished after this long is reported as a hang. */
const HANG_MS = 20_000;
/** Bytes of the shared slot holding the case being checked (for a hang report). */
const SLOT_BYTES = 2 ** 21 + 4096;

interface Options { runs: number; seed: number; cli: number }

function parseArgs(argv: string[]): Options {
  const options: Options = { runs: 10_000, seed: Date.now() % 2 ** 31, cli: 20 };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '');
    const value = Number(argv[++i]);
    if (!(key in options) || !Number.isSafeInteger(value) || value < 0) {
      console.error(`fuzz: expected --runs N, --seed S or --cli K with whole numbers, got '${argv[i - 1]} ${argv[i] ?? ''}'`);
      process.exit(2);
    }
    (options as unknown as Record<string, number>)[key] = value;
  }
  return options;
}

interface Tally { valid: number; refused: number; slowestMs: number }

/** Worker side: checks `runs` cases, writing each into the shared slot before it starts. */
function workerMain(): void {
  const { runs, seed, slot } = workerData as { runs: number; seed: number; slot: SharedArrayBuffer };
  const head = new Int32Array(slot, 0, 2); // [cases started, text length]
  const bytes = new Uint8Array(slot, 8);
  const encoder = new TextEncoder();
  const tally: Tally = { valid: 0, refused: 0, slowestMs: 0 };
  const result = fc.check(fc.property(caseArb(), (c) => {
    const { written } = encoder.encodeInto(JSON.stringify(c), bytes);
    Atomics.store(head, 1, written ?? 0);
    Atomics.add(head, 0, 1);
    const outcome = checkCase(c);
    if (outcome.code === 0) tally.valid++; else tally.refused++;
    tally.slowestMs = Math.max(tally.slowestMs, outcome.ms);
    if (outcome.problem) throw new Error(`${outcome.problem}\n${outcome.message}`);
  }), { numRuns: runs, seed });
  parentPort!.postMessage({
    tally,
    failed: result.failed,
    counterexample: result.counterexample?.[0] ?? null,
    error: result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance ?? ''),
    numShrinks: result.numShrinks,
  });
}

function inProcess(options: Options): Promise<boolean> {
  const slot = new SharedArrayBuffer(SLOT_BYTES);
  const head = new Int32Array(slot, 0, 2);
  const started = Date.now();
  return new Promise((done) => {
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { runs: options.runs, seed: options.seed, slot } });
    let last = -1, lastChange = Date.now();
    const watch = setInterval(() => {
      const n = Atomics.load(head, 0);
      if (n !== last) { last = n; lastChange = Date.now(); return; }
      if (Date.now() - lastChange < HANG_MS) return;
      clearInterval(watch);
      const text = new TextDecoder().decode(new Uint8Array(slot, 8, Atomics.load(head, 1)));
      console.log(`FAIL: case ${n} did not finish in ${HANG_MS / 1000} s (a hang). Not shrunk:`);
      console.log(describeCase(JSON.parse(text) as FuzzCase));
      void worker.terminate().then(() => done(false));
    }, 1000);
    worker.on('message', (m: { tally: Tally; failed: boolean; counterexample: FuzzCase | null; error: string; numShrinks: number }) => {
      clearInterval(watch);
      const seconds = (Date.now() - started) / 1000;
      console.log(`in-process: ${m.failed ? 'FAILED' : 'passed'} after ${Atomics.load(head, 0)} case checks (seed ${options.seed}, ${seconds.toFixed(1)} s): ` +
        `${m.tally.valid} valid (exit 0), ${m.tally.refused} refused (exit 2), slowest case ${m.tally.slowestMs.toFixed(0)} ms`);
      if (m.failed && m.counterexample) {
        console.log(`FAIL (shrunk ${m.numShrinks} times): ${m.error}`);
        console.log(describeCase(m.counterexample));
      }
      done(!m.failed);
    });
    worker.on('error', (err) => {
      clearInterval(watch);
      console.log(`FAIL: the worker died: ${err.stack ?? err}`);
      done(false);
    });
  });
}

if (isMainThread) {
  const options = parseArgs(process.argv.slice(2));
  void inProcess(options).then((passed) => {
    let cliPassed = true;
    if (passed && options.cli > 0) {
      const r = throughCli(CLI, options.cli, options.seed + 1, (line) => console.log(line));
      console.log(`through the CLI: ${r.ok ? 'passed' : 'FAILED'}: ${r.validated} validated, ${r.ran} of the valid ones run`);
      cliPassed = r.ok;
    }
    process.exitCode = passed && cliPassed ? 0 : 1;
  });
} else {
  workerMain();
}
