/**
 * The report of the sweep the resilience lesson suggests, in chromium: the highlighted
 * charts come first, a caution says 3 replicates are few, and no band leaves the domain of
 * its axis (fractions within 0–100 %, counts and times at or above 0), read back from the
 * drawn SVG. Skipped (and says so) without /usr/bin/chromium.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../viz/report';
import { runSweep } from '../../sim/sweep/sweep';
import { parseVary } from '../../sim/sweep/plan';
import { ARTIFACTS, CHROMIUM, HAVE_CHROMIUM, ReportBrowser } from '../helpers/browser';

const LESSON = resolve(__dirname, '..', '..', 'scenarios', 'lessons', 'resilience.yaml');

if (!HAVE_CHROMIUM) {
  console.warn(`[test/viz/sweep-report-browser] SKIPPED: ${CHROMIUM} is absent (apt-get install chromium).`);
}

interface DrawnChart {
  title: string;
  yLabel: string;
  /** Values of the y ticks, read from their labels, with their pixel positions. */
  ticks: Array<{ value: number; y: number }>;
  /** Pixel y of every vertex of every band. */
  bandYs: number[];
  notes: string[];
  log: boolean;
}

describe.skipIf(!HAVE_CHROMIUM)('the resilience sweep report in chromium', () => {
  const browser = new ReportBrowser();
  beforeAll(async () => { await browser.start(); });
  afterAll(async () => { await browser.stop(); });

  it('leads with the highlighted metrics, warns of few replicates, and keeps every band inside its axis domain', async () => {
    const { results } = await runSweep({
      file: LESSON, text: readFileSync(LESSON, 'utf8'), sets: [], replicates: 3, workers: 1,
      varies: [parseVary('failures[0].fraction=0.02,0.05,0.1,0.2'), parseVary('failures[0].target=random,degree')],
    });
    const opened = await browser.open('resilience-sweep', renderReport(results));
    const { page } = opened;
    expect(opened.problems.consoleErrors).toEqual([]);

    const lead = await page.$$eval('#sweep-lead .chart-title', (ts) => ts.map((t) => t.textContent));
    expect(lead.slice(0, 2)).toEqual(['Largest component fraction', 'Coverage']);
    expect(await page.locator('p.caution').textContent()).toContain('Only 3 replicates');
    // The rest is folded.
    expect(await page.locator('details.more').count()).toBeGreaterThan(0);
    expect(await page.$$eval('details.more', (ds) => ds.filter((d) => (d as HTMLDetailsElement).open).length)).toBe(0);

    const charts: DrawnChart[] = await page.$$eval('figure.chart', (figs) => figs.map((fig) => {
      const svg = fig.querySelector('svg.chart-svg')!;
      const parse = (text: string) => {
        const t = text.replace(/[\s\u2009]/g, '').replace('−', '-');
        return t.endsWith('%') ? Number(t.slice(0, -1)) / 100 : Number(t);
      };
      const ticks = Array.from(svg.querySelectorAll('.axis.y .tick')).map((tick) => ({
        value: parse(tick.querySelector('text')?.textContent ?? ''),
        y: Number(/translate\([^,]+,([^)]+)\)/.exec(tick.getAttribute('transform') ?? '')?.[1]),
      })).filter((t) => Number.isFinite(t.value) && Number.isFinite(t.y));
      const bandYs = Array.from(svg.querySelectorAll('path.mark-band')).flatMap((p) =>
        Array.from((p.getAttribute('d') ?? '').matchAll(/(-?[\d.]+(?:e-?\d+)?),(-?[\d.]+(?:e-?\d+)?)/g)).map((m) => Number(m[2])));
      return {
        title: fig.querySelector('.chart-title')?.textContent ?? '',
        yLabel: svg.querySelector('text.axis-label.y')?.textContent ?? '',
        ticks, bandYs,
        notes: Array.from(svg.querySelectorAll('text.mark-note')).map((t) => t.textContent ?? ''),
        log: /log\)/.test(svg.querySelector('text.axis-label.y')?.textContent ?? ''),
      };
    }));
    const banded = charts.filter((c) => c.bandYs.length > 0);
    expect(banded.length).toBeGreaterThan(5);
    let checkedPercent = 0;
    for (const c of banded) {
      const percent = c.yLabel.endsWith('(%)');
      const ticks = c.ticks;
      // Every metric of this sweep is a fraction, a proportion, a count or a time: no tick below 0, none above 100 %.
      for (const t of ticks) {
        expect(t.value, `tick of "${c.title}"`).toBeGreaterThanOrEqual(0);
        if (percent) expect(t.value, `tick of "${c.title}"`).toBeLessThanOrEqual(1);
      }
      if (c.log || ticks.length < 2) continue;
      // Pixel -> value through two ticks of the linear axis; a band vertex may sit at most half a pixel past the bound.
      const [a, b] = [ticks[0], ticks[ticks.length - 1]];
      const valueAt = (y: number) => a.value + ((y - a.y) * (b.value - a.value)) / (b.y - a.y);
      const halfPixel = Math.abs((b.value - a.value) / (b.y - a.y)) / 2;
      const values = c.bandYs.map(valueAt);
      expect(Math.min(...values), `lowest band value of "${c.title}"`).toBeGreaterThanOrEqual(-halfPixel);
      if (percent) {
        expect(Math.max(...values), `highest band value of "${c.title}"`).toBeLessThanOrEqual(1 + halfPixel);
        checkedPercent++;
      }
    }
    expect(checkedPercent).toBeGreaterThanOrEqual(3);

    // Points where only some replicates had rounds (not everyone reached) are labelled n/3.
    const partial = results.points.filter((p) => p.metrics['broadcasts[0].rounds'] && p.metrics['broadcasts[0].rounds'].n < 3).length;
    const rounds = charts.find((c) => c.title === 'Rounds');
    expect(rounds?.notes.length ?? 0).toBe(partial);
    for (const n of rounds?.notes ?? []) expect(n).toMatch(/^[12]\/3$/);

    await page.screenshot({ path: join(ARTIFACTS, 'resilience-sweep.png'), fullPage: true });
    await page.close();
  }, 60_000);
});
