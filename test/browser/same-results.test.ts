/**
 * Same seed, same results in a browser: the run path (sim/run/browser.ts) and the math
 * functions, bundled for the browser by rolldown, run in Debian's chromium and must give
 * Node's results byte for byte (apart from wall-clock figures and the machine) and the
 * committed math bit patterns.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'rolldown';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, HAVE_CHROMIUM } from '../helpers/browser';
import { goldenCases } from '../golden/cases';
import { BITS_FILE, BITS_COUNT } from '../math/bits';
import { runScenarioText, stringifyResults, withoutWallClock } from '../../sim/run/browser';

const ROOT = resolve(__dirname, '..', '..');

if (!HAVE_CHROMIUM) {
  console.warn(`[test/browser/same-results] SKIPPED: ${CHROMIUM} is absent, so results were not compared in a browser `
    + '(install Debian\'s chromium: apt-get install chromium).');
}

/** `entry` (TypeScript, imports written as .js) bundled into one script that sets `globalThis[name]`. */
async function bundle(entry: string, name: string): Promise<{ code: string; modules: string[] }> {
  const out = await build({
    input: resolve(ROOT, entry), platform: 'browser', write: false, logLevel: 'warn',
    resolve: { extensionAlias: { '.js': ['.ts', '.js'] } },
    output: { format: 'iife', name },
  });
  return { code: out.output[0].code, modules: out.output[0].moduleIds };
}

describe.skipIf(!HAVE_CHROMIUM)('same results in chromium as in node', () => {
  let browser: Browser;
  let page: Page;
  let runModules: string[] = [];

  beforeAll(async () => {
    const run = await bundle('sim/run/browser.ts', 'gossipsim');
    const math = await bundle('test/math/cases.ts', 'mathCases');
    runModules = run.modules;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    page = await browser.newPage();
    await page.addScriptTag({ content: run.code });
    await page.addScriptTag({ content: math.code });
  }, 120_000);

  afterAll(async () => { await browser?.close(); });

  it('the bundled run path uses no node: module', () => {
    expect(runModules.length).toBeGreaterThan(50);
    expect(runModules.filter((m) => m.startsWith('node:') || /^[a-z_]+$/.test(m))).toEqual([]);
  });

  it(`the math functions give the committed bits of ${10 * BITS_COUNT} fixed inputs`, async () => {
    const lines = await page.evaluate((n) => (globalThis as unknown as { mathCases: { mathLines(n: number): string[] } }).mathCases.mathLines(n), BITS_COUNT);
    expect(lines).toEqual(readFileSync(BITS_FILE, 'utf8').trimEnd().split('\n'));
  });

  it('records chromium and its version in the provenance, and the same scenario hash as node', async () => {
    const text = 'name: p\nseed: 2\nduration: 5s\npeers: { count: 20 }\nnetwork: { latency: 10ms }\noverlay: { model: random-regular, degree: 4 }\n';
    type Api = { runScenarioText: typeof runScenarioText };
    const inBrowser = await page.evaluate((t) => (globalThis as unknown as { gossipsim: Api }).gossipsim.runScenarioText(t, 'p.yaml').provenance, text);
    const inNode = runScenarioText(text, 'p.yaml').provenance;
    expect(inBrowser.engine.name).toBe('chromium');
    // Chromium's user agent gives only the major version ("156.0.0.0"): user-agent reduction.
    expect(inBrowser.engine.version.split('.')[0]).toBe(browser.version().split('.')[0]);
    expect(inBrowser.gossipsim).toBe(inNode.gossipsim);
    expect(inBrowser.scenarioHash).toBe(inNode.scenarioHash);
  });

  for (const c of goldenCases()) {
    it(`${c.name}: byte for byte`, async () => {
      const text = readFileSync(c.file, 'utf8');
      const node = stringifyResults(withoutWallClock(runScenarioText(text, c.file, c.sets)));
      const inBrowser = await page.evaluate(([t, f, sets]) => {
        const g = (globalThis as unknown as { gossipsim: typeof import('../../sim/run/browser') }).gossipsim;
        return g.stringifyResults(g.withoutWallClock(g.runScenarioText(t, f, sets)));
      }, [text, c.file, c.sets] as [string, string, string[]]);
      expect(inBrowser === node, `${c.name}: chromium's results differ from node's`).toBe(true);
    }, 120_000);
  }
});
