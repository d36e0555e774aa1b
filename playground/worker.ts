/**
 * The playground's worker: loads the scenario with the CLI's validator, runs it one
 * sampling step at a time (paced to the page's speed, paused and stepped on request),
 * reports progress, and at the end the results file and the report page, made by the
 * code that `gossipsim run --json` and `gossipsim report` use.
 */
import { SteppedRun, linksOf } from '../sim/run/run-scenario.js';
import { stringifyResults } from '../sim/run/serialize.js';
import { ScenarioError } from '../sim/scenario/errors.js';
import { loadScenarioText } from '../sim/scenario/load-text.js';
import { textFiles } from '../sim/scenario/input-files.js';
import type { SimContext } from '../sim/run/context.js';
import { renderReportPage, type ReportAssets } from '../viz/report-page.js';
import { MAX_VIEW_PEERS, MESSAGE_STRIDE, type FromWorker, type ToWorker } from './protocol.js';

/** Messages kept for the view between two reports (the rest are counted, not drawn). */
const MAX_MESSAGES = 20_000;
/** Work done between two looks at the page's requests (pause, speed), in ms. */
const SLICE_MS = 25;
/** At full speed, progress is reported at most this often, in ms. */
const REPORT_MS = 50;

interface Job {
  run: SteppedRun;
  assets: ReportAssets;
  speed: number;
  paused: boolean;
  /** Take one step, then pause. */
  stepOnce: boolean;
  /** Pacing anchor: simulated time `simAnchor` at wall-clock `wallAnchor` (ms). */
  simAnchor: number;
  wallAnchor: number;
  /** Wall-clock ms spent inside the engine (construction and steps). */
  busyMs: number;
  startedMs: number;
  samples: Array<Record<string, number | null>>;
  messages: Float64Array;
  messageCount: number;
  dropped: number;
  changes: number[];
  lastReport: number;
  looping: boolean;
}

const post = (message: FromWorker, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(message, transfer);

/** Yields to the worker's event loop (a message on a channel: no 4 ms timer clamp). */
function yieldNow(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { channel.port1.close(); resolve(); };
    channel.port2.postMessage(null);
  });
}
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

let job: Job | null = null;

/** An internal error: the run is dropped and the page told (it shows the message). */
function fail(error: unknown): void {
  job = null;
  post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}

/** Records what the live view draws: peer-to-peer messages and peers going down or up. */
function watch(j: Pick<Job, 'messages' | 'messageCount' | 'dropped' | 'changes'>, ctx: SimContext, peers: number): void {
  ctx.sim.observe({
    scheduled(now, time, kind, target, src) {
      if (src < 0 || target === src || target >= peers || src >= peers) return;
      if (j.messageCount >= MAX_MESSAGES) { j.dropped++; return; }
      const o = j.messageCount++ * MESSAGE_STRIDE;
      const m = j.messages;
      m[o] = now; m[o + 1] = time; m[o + 2] = src; m[o + 3] = target; m[o + 4] = kind;
    },
    handled() { /* the view needs only what is sent */ },
  });
  ctx.peerDown.push((p) => { if (p < peers) j.changes.push(ctx.sim.now, p, 0); });
  ctx.peerUp.push((p) => { if (p < peers) j.changes.push(ctx.sim.now, p, 1); });
}

function report(j: Job): void {
  const messages = j.messages.slice(0, j.messageCount * MESSAGE_STRIDE);
  const changes = Float64Array.from(j.changes);
  const sim = j.run.ctx.sim;
  const kinds: string[] = [];
  for (let k = 0; sim.kindName(k) !== undefined; k++) kinds.push(sim.kindName(k));
  post({
    type: 'progress', time: j.run.time, samples: j.samples, events: sim.events, messages,
    messagesDropped: j.dropped, changes, kinds, paused: j.paused,
  }, [messages.buffer, changes.buffer]);
  j.samples = [];
  j.messageCount = 0;
  j.dropped = 0;
  j.changes = [];
  j.lastReport = performance.now();
}

function finish(j: Job): void {
  const now = performance.now();
  const results = j.run.finish(now - j.startedMs - j.busyMs);
  const json = stringifyResults(results);
  const page = renderReportPage(results, j.assets);
  post({ type: 'done', json, report: page, wallSeconds: results.engine.wallSeconds });
  job = null;
}

/** Steps the run while it is not paused, paced to `speed`, reporting as it goes. */
async function loop(j: Job): Promise<void> {
  if (j.looping) return;
  j.looping = true;
  try {
    while (job === j && !j.paused) {
      const sliceStart = performance.now();
      let stepped = false;
      while (!j.paused && !j.run.done && performance.now() - sliceStart < SLICE_MS) {
        if (j.speed > 0 && !j.stepOnce) {
          // Stay at most one sampling step ahead of the paced clock.
          const paced = j.simAnchor + ((performance.now() - j.wallAnchor) / 1000) * j.speed;
          if (j.run.time >= paced) break;
        }
        const t0 = performance.now();
        j.run.step();
        j.busyMs += performance.now() - t0;
        j.samples.push({ ...j.run.lastSample });
        stepped = true;
        if (j.stepOnce) { j.stepOnce = false; j.paused = true; }
      }
      if (j.run.done) { report(j); finish(j); return; }
      if (stepped && (j.speed > 0 || j.paused || performance.now() - j.lastReport >= REPORT_MS)) report(j);
      if (j.paused) break;
      if (!stepped && j.speed > 0) {
        const paced = j.simAnchor + ((performance.now() - j.wallAnchor) / 1000) * j.speed;
        await sleep(Math.max(4, Math.min(100, ((j.run.time - paced) / j.speed) * 1000)));
      } else await yieldNow();
    }
    // The page learns that the run is paused from this report.
    if (job === j && j.paused) report(j);
  } finally {
    j.looping = false;
  }
}

function reanchor(j: Job): void {
  j.simAnchor = j.run.time;
  j.wallAnchor = performance.now();
}

function start(message: Extract<ToWorker, { type: 'start' }>): void {
  let scenario;
  try {
    scenario = loadScenarioText(message.text, message.fileName, [], textFiles(message.files));
  } catch (error) {
    if (error instanceof ScenarioError) { post({ type: 'invalid', message: error.format() }); return; }
    throw error;
  }
  const startedMs = performance.now();
  const peers = scenario.peers.count;
  const view = peers <= MAX_VIEW_PEERS;
  const recorder = { messages: new Float64Array(MAX_MESSAGES * MESSAGE_STRIDE), messageCount: 0, dropped: 0, changes: [] as number[] };
  const run = new SteppedRun(scenario, view ? (ctx) => watch(recorder, ctx, peers) : undefined);
  const links = view ? Uint32Array.from(linksOf(run.ctx.overlay).flat()) : null;
  const j: Job = Object.assign(recorder, {
    run, assets: message.assets, speed: message.speed, paused: message.paused, stepOnce: false,
    simAnchor: 0, wallAnchor: performance.now(), busyMs: performance.now() - startedMs, startedMs,
    samples: [{ ...run.lastSample }], lastReport: 0, looping: false,
  });
  job = j;
  post({ type: 'started', peers, duration: scenario.duration, sample: scenario.metrics.sample, links }, links ? [links.buffer] : []);
  report(j);
  void loop(j).catch(fail);
}

/** Installs the worker's message handler. */
export function startWorker(): void {
  self.onmessage = (event: MessageEvent<ToWorker>) => {
    const m = event.data;
    try {
      if (m.type === 'start') { start(m); return; }
      const j = job;
      if (!j) return;
      if (m.type === 'pause') j.paused = true;
      else if (m.type === 'resume') { j.paused = false; reanchor(j); void loop(j).catch(fail); }
      else if (m.type === 'step') { j.paused = false; j.stepOnce = true; reanchor(j); void loop(j).catch(fail); }
      else if (m.type === 'speed') { j.speed = m.speed; reanchor(j); }
    } catch (error) {
      fail(error);
    }
  };
}
