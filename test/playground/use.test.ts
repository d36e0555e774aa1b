/**
 * The playground used as a person uses it, in Chromium: open the file, pick a lesson, move
 * a slider and see the text change, edit the text and see the slider move, write an error
 * and see it marked at its line with the CLI's message, run, see the charts grow and the
 * overlay drawn, pause, step, finish, see the report, download the results. No request
 * leaves the page (every request is routed: only file:, data: and blob: URLs pass).
 * With GOSSIPSIM_UPDATE_SCREENSHOTS=1 its screenshots also go to docs/ (the teachers' guide).
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_CHROMIUM, CHROMIUM, ReportBrowser, type OpenedPage } from '../helpers/browser';
import { gossipsim, tempDir } from '../helpers/cli';
import { findSliders, positionOf } from '../../playground/sliders';
import { download, playgroundHtml } from './helpers';

if (!HAVE_CHROMIUM) console.warn(`[test/playground/use] SKIPPED: ${CHROMIUM} is absent (apt-get install chromium).`);

const ROOT = resolve(__dirname, '..', '..');
const LESSON = 'scenarios/lessons/rumour-spreading.yaml';
const SHOTS = join(ROOT, 'test-artifacts', 'playground');

describe.skipIf(!HAVE_CHROMIUM)('playground, used as a person uses it', () => {
  const browser = new ReportBrowser();
  let opened: OpenedPage;
  const routedAway: string[] = [];
  const original = readFileSync(join(ROOT, LESSON), 'utf8');

  async function shot(name: string, selector?: string): Promise<void> {
    mkdirSync(SHOTS, { recursive: true });
    const file = join(SHOTS, name);
    if (selector) await opened.page.locator(selector).screenshot({ path: file });
    else await opened.page.screenshot({ path: file });
    if (process.env.GOSSIPSIM_UPDATE_SCREENSHOTS === '1') copyFileSync(file, join(ROOT, 'docs', name));
  }
  const text = () => opened.page.inputValue('#scenario');
  const clockTime = async () => Number(/t = ([\d.]+) s/.exec(await opened.page.textContent('#clock') ?? '')?.[1] ?? NaN);
  const chartPoints = () => opened.page.$$eval('.live-chart', (cells) => cells.reduce((n, c) => n + Number((c as HTMLElement).dataset.points), 0));

  beforeAll(async () => {
    await browser.start();
    opened = await browser.open('playground-use', playgroundHtml());
    // Anything but the page's own URLs is refused and recorded, for the page and its Worker alike.
    await opened.page.context().route(/^(?!file:|data:|blob:)/, (route) => { routedAway.push(route.request().url()); void route.abort(); });
    opened.page.context().on('request', (r) => { if (!/^(file|data|blob):/.test(r.url())) routedAway.push(r.url()); });
  }, 120_000);
  afterAll(async () => { await browser.stop(); });

  it('opens on a lesson, with its text, its description and its sliders', async () => {
    const { page } = opened;
    await page.selectOption('#lesson', LESSON);
    expect(await text()).toBe(original);
    expect(await page.textContent('#about')).toContain('log n rounds');
    const ids = await page.$$eval('#sliders label', (rows) => rows.map((r) => (r as HTMLElement).dataset.path));
    expect(ids).toEqual(findSliders(original).map((s) => s.id));
    await shot('playground.png');
  });

  it('a slider writes into the text, and the text moves the slider', async () => {
    const { page } = opened;
    const peers = page.locator('label[data-path="peers.count"]');
    // Position 500 of the log scale 10..100,000 is 1,000 peers.
    await peers.locator('input').fill('500');
    await expect.poll(text).toContain('  count: 1000\n');
    expect(await text()).toBe(original.replace('  count: 500\n', '  count: 1000\n'));
    expect(await peers.locator('output').textContent()).toBe('1000');

    const degree = page.locator('label[data-path="overlay.degree"]');
    await page.fill('#scenario', (await text()).replace('  degree: 6\n', '  degree: 10\n'));
    const def = findSliders(original).find((s) => s.id === 'overlay.degree')!.def;
    await expect.poll(() => degree.locator('input').inputValue()).toBe(String(positionOf(def, 10)));
    expect(await degree.locator('output').textContent()).toBe('10');
  });

  it('an error is marked at its line with the message gossipsim validate prints', async () => {
    const { page } = opened;
    const broken = (await text()).replace('  degree: 10\n', '  degree: many\n');
    await page.fill('#scenario', broken);
    await page.waitForSelector('#errors:not([hidden])');
    const line = broken.split('\n').findIndex((l) => l === '  degree: many') + 1;
    const message = (await page.textContent('#errors pre')) ?? '';
    expect(message).toMatch(new RegExp(`^${LESSON.replace(/[./]/g, '\\$&')}:${line}:\\d+: overlay\\.degree: `));
    expect(await page.getAttribute(`#editor .ln[data-line="${line}"]`, 'class')).toContain('error');
    expect(await page.$$eval('#editor .ln.error', (els) => els.length)).toBe(1);
    expect(await page.isDisabled('#run')).toBe(true);
    // The CLI, given the same text under the same name, prints the same paragraph.
    const dir = tempDir('gossipsim-playground-validate-');
    mkdirSync(join(dir, 'scenarios', 'lessons'), { recursive: true });
    writeFileSync(join(dir, LESSON), broken);
    const cli = gossipsim(['validate', LESSON], dir);
    expect(cli.code).toBe(2);
    expect(cli.stderr.trimEnd()).toBe(message);
    await page.locator('#editor .ln.error').scrollIntoViewIfNeeded();
    await shot('playground-error.png', '.pg-edit');
    await page.fill('#scenario', original);
    await page.waitForSelector('#errors', { state: 'hidden' });
    expect(await page.isDisabled('#run')).toBe(false);
  });

  it('runs: the charts grow, the overlay is drawn, pause and step work, the report appears', async () => {
    const { page } = opened;
    await page.selectOption('#speed', '5');
    await page.click('#run');
    await page.waitForSelector('#view canvas.overlay-canvas');
    await expect.poll(clockTime, { timeout: 30_000 }).toBeGreaterThan(4);
    const early = await chartPoints();
    await expect.poll(clockTime, { timeout: 30_000 }).toBeGreaterThan(9);
    const later = await chartPoints();
    expect(early).toBeGreaterThan(0);
    expect(later).toBeGreaterThan(early);
    expect(await page.$$eval('.live-chart', (cells) => cells.map((c) => (c as HTMLElement).dataset.chart))).toEqual(expect.arrayContaining(['coverage', 'alive']));
    expect(await page.textContent('.view-key')).toContain('broadcast/rumour');
    // Tall enough to show the editor, the sliders, the overlay and the first charts at once.
    await page.setViewportSize({ width: 1280, height: 1400 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('playground-running.png');
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.click('#pause');
    await page.waitForFunction(() => document.documentElement.dataset.run === 'paused');
    // Stepping runs one sampling step (metrics.sample = 1 s) and pauses again.
    await page.waitForTimeout(400);
    const before = await page.evaluate(() => document.querySelectorAll('.live-chart[data-chart="alive"]').length
      ? Number((document.querySelector('.live-chart[data-chart="alive"]') as HTMLElement).dataset.points) : 0);
    await page.click('#step');
    await expect.poll(() => page.evaluate(() => Number((document.querySelector('.live-chart[data-chart="alive"]') as HTMLElement).dataset.points))).toBe(before + 1);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.documentElement.dataset.run)).toBe('paused');
    expect(await page.evaluate(() => Number((document.querySelector('.live-chart[data-chart="alive"]') as HTMLElement).dataset.points))).toBe(before + 1);

    await page.selectOption('#speed', 'max');
    await page.click('#run');
    await page.waitForSelector('#report-area:not([hidden])', { timeout: 60_000 });
    const report = page.frameLocator('#report');
    await expect.poll(() => report.locator('html.ready').count(), { timeout: 15_000 }).toBe(1);
    expect(await report.locator('h1').textContent()).toBe('Rumour spreading');
    expect(await report.locator('figure.chart').count()).toBeGreaterThan(3);
    await report.locator('#broadcasts').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.locator('#report-area').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    // The sandboxed report frame paints in a process of its own: give it a moment.
    await page.waitForTimeout(800);
    await shot('playground-report.png');
  });

  it('downloads the results of the scenario as edited', async () => {
    const results = JSON.parse((await download(opened.page, '#download-json')).text);
    expect(results.format).toBe('gossipsim-results/1');
    expect(results.scenario.name).toBe('Rumour spreading');
    expect(results.broadcasts).toHaveLength(5);
    expect(results.broadcasts[0].coverage).toBe(1);
  });

  it('shows failures as they happen: the resilience lesson\'s crashed peers are drawn down', async () => {
    const { page } = opened;
    await page.selectOption('#lesson', 'scenarios/lessons/resilience.yaml');
    await page.selectOption('#speed', 'max');
    await page.click('#run');
    await page.waitForSelector('#report-area:not([hidden])', { timeout: 60_000 });
    const results = JSON.parse((await download(page, '#download-json')).text);
    const removed = results.resilience[0].removed as number;
    expect(removed).toBe(25); // 5% of 500 peers, highest degree first
    await expect.poll(() => page.getAttribute('#view canvas', 'data-down')).toBe(String(removed));
    // Tab indents with spaces in the editor.
    await page.fill('#scenario', 'name: x\n');
    await page.focus('#scenario');
    await page.keyboard.press('End');
    await page.keyboard.press('Tab');
    expect(await text()).toBe('name: x\n  ');
  });

  it('text a student types never runs as code: not in the page, not in the report', async () => {
    const { page } = opened;
    const hostile = '</script><script>alert(1)</script><img src=x onerror=alert(2)>';
    await page.fill('#scenario', `name: "${hostile}"\ndescription: "${hostile} <iframe src=javascript:alert(3)>"\nduration: 5s\npeers: { count: 30 }\n`
      + 'overlay: { model: random-regular, degree: 4 }\nworkload:\n  broadcasts:\n    - { at: 1s, protocol: push, targets: uniform, fanout: 1, period: 1s }\n');
    await page.waitForFunction(() => !(document.getElementById('run') as HTMLButtonElement).disabled);
    await page.selectOption('#speed', 'max');
    await page.click('#run');
    await page.waitForSelector('#report-area:not([hidden])', { timeout: 60_000 });
    const report = page.frameLocator('#report');
    await expect.poll(() => report.locator('html.ready').count(), { timeout: 15_000 }).toBe(1);
    expect(await report.locator('h1').textContent()).toBe(hostile);
    expect(await report.locator('img, iframe').count()).toBe(0);
    expect(opened.problems.dialogs).toEqual([]);
  });

  it('made no request outside the page, and no error', () => {
    expect(routedAway).toEqual([]);
    expect(opened.problems.foreignRequests).toEqual([]);
    expect(opened.problems.failedRequests).toEqual([]);
    expect(opened.problems.consoleErrors).toEqual([]);
    expect(opened.problems.dialogs).toEqual([]);
  });
});
