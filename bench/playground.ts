/**
 * The playground in headless Chromium: a 10^5-peer push broadcast run from the page (the
 * engine in its Worker) as a person would (speed "as fast as it goes", Run), timed from the
 * click to the results, and to the report shown; the main thread's longest block while it
 * runs, from 'longtask' entries and from the largest gap between animation frames.
 * Prints one JSON row (bench/row.ts); nothing, with a note on stderr, without Chromium.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { embeddedScenarios } from '../sim/cli/commands/playground.js';
import { packageRoot } from '../sim/io/package-root.js';
import { GOSSIPSIM_VERSION } from '../sim/version.js';
import { reportAssets } from '../viz/assets.js';
import { renderPlayground } from '../playground/html.js';
import type { BenchRow } from './row.js';

const CHROMIUM = '/usr/bin/chromium';
const PEERS = Number(process.argv[2] ?? 100_000);
const REPEATS = Number(process.argv[3] ?? 3);

const SCENARIO = `name: Playground benchmark, push gossip
seed: 1
duration: 60s
peers:
  count: ${PEERS}
network:
  latency: { dist: uniform, min: 100ms, max: 500ms }
overlay:
  model: random-regular
  degree: 8
workload:
  broadcasts:
    - { at: 0s, protocol: push, targets: uniform, fanout: 1, period: 1s }
metrics:
  sample: 1s
`;

interface Measured {
  /** Click on Run to the results in the page (the worker's last message), in s. */
  toResults: number;
  /** Click on Run to the report drawn in its frame, in s. */
  toReport: number;
  engineWallSeconds: number;
  events: number;
  coverage: number;
  longestTaskMs: number;
  longTasks: number;
  longestFrameGapMs: number;
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    process.stderr.write(`bench/playground: ${CHROMIUM} is absent; skipped (apt-get install chromium)\n`);
    return;
  }
  const app = readFileSync(join(packageRoot(), 'dist', 'playground', 'app.bundle.js'), 'utf8');
  const html = renderPlayground({ version: GOSSIPSIM_VERSION, scenarios: embeddedScenarios() }, app, reportAssets());
  const dir = mkdtempSync(join(tmpdir(), 'gossipsim-bench-playground-'));
  const file = join(dir, 'playground.html');
  writeFileSync(file, html);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const runs: Measured[] = [];
  try {
    for (let rep = 0; rep < REPEATS; rep++) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await page.goto(pathToFileURL(file).href);
      await page.waitForFunction(() => document.documentElement.classList.contains('ready'));
      await page.fill('#scenario', SCENARIO);
      await page.selectOption('#speed', 'max');
      await page.waitForFunction(() => !(document.getElementById('run') as HTMLButtonElement).disabled);
      // Watch the main thread from the click on: long tasks and gaps between frames.
      await page.evaluate(() => {
        const w = window as unknown as { bench: { tasks: number[]; gap: number; last: number; done: number; report: number; t0: number } };
        w.bench = { tasks: [], gap: 0, last: 0, done: 0, report: 0, t0: 0 };
        new PerformanceObserver((list) => { for (const e of list.getEntries()) w.bench.tasks.push(e.duration); }).observe({ type: 'longtask' });
        const frame = (t: number) => {
          if (w.bench.last) w.bench.gap = Math.max(w.bench.gap, t - w.bench.last);
          w.bench.last = t;
          if (!w.bench.report) requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
        const status = document.getElementById('status')!;
        new MutationObserver(() => { if (!w.bench.done && /^finished/.test(status.textContent ?? '')) w.bench.done = performance.now(); })
          .observe(status, { childList: true, characterData: true, subtree: true });
        document.getElementById('report')!.addEventListener('load', () => { w.bench.report = performance.now(); });
        document.getElementById('run')!.addEventListener('click', () => { w.bench.t0 = performance.now(); }, { capture: true });
      });
      await page.click('#run');
      await page.waitForFunction(() => (window as unknown as { bench: { report: number } }).bench.report > 0, undefined, { timeout: 120_000 });
      await page.waitForTimeout(300);
      const b = await page.evaluate(() => (window as unknown as { bench: { tasks: number[]; gap: number; done: number; report: number; t0: number } }).bench);
      // The page may fetch nothing (its CSP says so), so the results come as a person gets them.
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
      const results = JSON.parse(readFileSync((await download.path())!, 'utf8'));
      runs.push({
        toResults: (b.done - b.t0) / 1000,
        toReport: (b.report - b.t0) / 1000,
        engineWallSeconds: results.engine.wallSeconds,
        events: results.engine.events,
        coverage: results.broadcasts[0].coverage,
        longestTaskMs: Math.max(0, ...b.tasks),
        longTasks: b.tasks.length,
        longestFrameGapMs: b.gap,
      });
      process.stderr.write(`bench/playground: run ${rep + 1}: ${JSON.stringify(runs[runs.length - 1])}\n`);
      await page.close();
    }
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const worst = (xs: number[]) => Math.max(...xs);
  const row: BenchRow = {
    workload: `playground in headless chromium ${browser.version()}: push gossip, uniform, fanout 1, latency U(100,500) ms, ${PEERS.toLocaleString('en-US')} peers, click to results (median of ${REPEATS})`,
    peers: PEERS,
    wallSeconds: median(runs.map((r) => r.toResults)),
    events: runs[0].events,
    eventsPerSecond: Math.round(runs[0].events / median(runs.map((r) => r.engineWallSeconds))),
    peakRssBytes: 0,
    bytesPerPeer: null,
    extra: {
      worstClickToResultsSeconds: worst(runs.map((r) => r.toResults)),
      clickToReportSeconds: median(runs.map((r) => r.toReport)),
      worstClickToReportSeconds: worst(runs.map((r) => r.toReport)),
      engineWallSeconds: median(runs.map((r) => r.engineWallSeconds)),
      coverage: runs[0].coverage,
      longestMainThreadTaskMs: worst(runs.map((r) => r.longestTaskMs)),
      medianLongestMainThreadTaskMs: median(runs.map((r) => r.longestTaskMs)),
      longTasksOver50ms: worst(runs.map((r) => r.longTasks)),
      longestFrameGapMs: worst(runs.map((r) => r.longestFrameGapMs)),
      medianLongestFrameGapMs: median(runs.map((r) => r.longestFrameGapMs)),
    },
  };
  process.stdout.write(JSON.stringify(row) + '\n');
}

await main();
