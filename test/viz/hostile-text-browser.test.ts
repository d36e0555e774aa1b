/**
 * Hostile text in a real browser: a run's report re-rendered with names and descriptions
 * drawn (fixed seed) from script tags, event-handler attributes, javascript: links, SVG
 * and MathML payloads and escape sequences. No script of theirs may run, no element may
 * carry an event handler or a script link, and the report must still draw its charts.
 * Skipped (and says so) without /usr/bin/chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renderReport } from '../../viz/report';
import { validate } from '../../sim/scenario/validate';
import { HOSTILE_STRINGS } from '../../scripts/fuzz-cases';
import { CHROMIUM, HAVE_CHROMIUM, ReportBrowser, inspectCharts } from '../helpers/browser';
import { scenarioFrom } from './fixtures';
import type { Results } from '../../sim/run/results';

if (!HAVE_CHROMIUM) console.warn(`[test/viz/hostile-text-browser] SKIPPED: ${CHROMIUM} is absent (apt-get install chromium).`);

/** Pieces hostile markup is assembled from, beyond the whole payloads. */
const PIECES = ['<', '>', '</', '"', "'", '`', '=', ' ', 'script', 'svg', 'math', 'img', 'a', 'iframe', 'style', 'onload', 'onerror',
  'onmouseover', 'href', 'src', 'javascript:', 'jav&#x61;script:', 'data:text/html,', 'window.__pwned=1', 'alert(1)', '(', ')',
  '[', ']', '![', '\n', '&lt;', '&#60;', '<!--', '-->', '<![CDATA[', ']]>', 'xlink:href', '\u001b[2J', '\u202e'];

const hostileText = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.array(fc.constantFrom(...PIECES, ...HOSTILE_STRINGS), { minLength: 1, maxLength: 12 }).map((p) => p.join('')),
);
/** Fixed seed: the same sample every run, so a failure can be reproduced. */
const SAMPLE = fc.sample(fc.tuple(hostileText, fc.array(hostileText, { minLength: 1, maxLength: 6 })), { numRuns: 12, seed: 25 })
  .map(([name, parts]) => ({ name: name.trim() === '' ? 'x' : name.slice(0, 200), description: parts.join('\n\n') }));

describe.skipIf(!HAVE_CHROMIUM)('hostile text in the report, in chromium', () => {
  const browser = new ReportBrowser();
  let results: Results;
  beforeAll(async () => {
    await browser.start();
    const { runScenario } = await import('../../sim/run/run-scenario');
    results = runScenario(scenarioFrom(`
name: base
seed: 3
duration: 20s
peers: { count: 100 }
overlay: { model: random-regular, degree: 4 }
workload: { broadcasts: { at: 1s, protocol: push, fanout: 1, period: 1s } }
`));
  });
  afterAll(async () => { await browser.stop(); });

  it(`runs none of ${SAMPLE.length} hostile names and descriptions, and still draws`, async () => {
    for (const [i, text] of SAMPLE.entries()) {
      // Each must be a valid scenario name and description: the schema lets them through.
      validate({ name: text.name, description: text.description });
      const data = { ...results, scenario: { ...results.scenario, name: text.name, description: text.description } } as Results;
      const opened = await browser.open(`hostile-${i}`, renderReport(data));
      const { page, problems } = opened;
      const where = `case ${i}: ${JSON.stringify(text)}`;
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), where).toBeUndefined();
      expect(problems.dialogs, where).toEqual([]);
      expect(problems.foreignRequests, where).toEqual([]);
      expect(problems.consoleErrors.filter((e) => !/Content Security Policy/.test(e)), where).toEqual([]);
      const dom = await page.evaluate(() => {
        const all = Array.from(document.querySelectorAll('*'));
        return {
          handlers: all.filter((el) => Array.from(el.attributes).some((a) => /^on/i.test(a.name))).map((el) => el.outerHTML.slice(0, 80)),
          scriptLinks: all.filter((el) => Array.from(el.attributes).some((a) => /^(href|src|xlink:href|action|formaction|data)$/i.test(a.name) && /^\s*(javascript|vbscript|data:text)/i.test(a.value))).length,
          scripts: document.querySelectorAll('script:not([type="application/json"])').length,
          foreign: document.querySelectorAll('section.description iframe, section.description object, section.description embed, section.description svg, section.description math, section.description style').length,
          title: document.querySelector('h1')?.textContent ?? '',
        };
      });
      expect(dom.handlers, where).toEqual([]);
      expect(dom.scriptLinks, where).toBe(0);
      expect(dom.scripts, where).toBe(2); // d3 and the report's own client
      expect(dom.foreign, where).toBe(0);
      // Shown as text, as the HTML parser reads text: NUL dropped, CR and CRLF become LF.
      expect(dom.title, where).toBe(text.name.replace(/\0/g, '').replace(/\r\n?/g, '\n'));
      const charts = await inspectCharts(page);
      expect(charts.length, where).toBeGreaterThan(0);
      for (const c of charts) expect(c.marks, `${where}: ${c.title}`).toBeGreaterThan(0);
      await page.close();
    }
  });
});
