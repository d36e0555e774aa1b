/**
 * The same answers in the playground as on the command line: for every lesson, the results
 * file the page downloads equals `gossipsim run --json`'s byte for byte, apart from
 * wall-clock figures and the machine (withoutWallClock, as in test/browser/same-results),
 * and the report it downloads is the one `gossipsim report` makes of those results.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_CHROMIUM, CHROMIUM, ReportBrowser, type OpenedPage } from '../helpers/browser';
import { gossipsim, tempDir } from '../helpers/cli';
import { stringifyResults, withoutWallClock } from '../../sim/run/serialize';
import { renderReport } from '../../viz/report';
import { embeddedScenarios } from '../../sim/cli/commands/playground';
import { download, playgroundHtml, runToEnd } from './helpers';

if (!HAVE_CHROMIUM) console.warn(`[test/playground/same-answers] SKIPPED: ${CHROMIUM} is absent (apt-get install chromium).`);

const comparable = (json: string) => stringifyResults(withoutWallClock(JSON.parse(json)));

describe.skipIf(!HAVE_CHROMIUM)('playground: the same answers as gossipsim run --json', () => {
  const browser = new ReportBrowser();
  let opened: OpenedPage;
  const lessons = embeddedScenarios().filter((s) => s.lesson);
  const dir = tempDir('gossipsim-playground-cli-');

  beforeAll(async () => {
    await browser.start();
    opened = await browser.open('playground-same-answers', playgroundHtml());
  }, 120_000);
  afterAll(async () => { await browser.stop(); });

  it('offers every lesson', () => {
    expect(lessons.length).toBeGreaterThanOrEqual(10);
  });

  lessons.forEach((lesson, i) => {
    it(`${lesson.path}: results byte for byte${i === 0 ? ', and the report gossipsim report makes' : ''}`, async () => {
      const { page } = opened;
      await page.selectOption('#lesson', lesson.path);
      await runToEnd(page);
      const fromPage = await download(page, '#download-json');
      const json = join(dir, `${i}.json`);
      const cli = gossipsim(['run', lesson.path, '--json', json, '--out', join(dir, `${i}.html`), '--quiet']);
      expect(cli.code, cli.stderr).toBe(0);
      const fromCli = readFileSync(json, 'utf8');
      expect(JSON.parse(fromPage.text).provenance.engine.name).toBe('chromium');
      expect(comparable(fromPage.text) === comparable(fromCli), `${lesson.path}: the playground's results differ from the CLI's`).toBe(true);
      if (i === 0) {
        const report = await download(page, '#download-report');
        expect(report.text === renderReport(JSON.parse(fromPage.text)), 'the downloaded report differs from gossipsim report of the downloaded results').toBe(true);
      }
      expect(opened.problems.consoleErrors).toEqual([]);
      expect(opened.problems.foreignRequests).toEqual([]);
    }, 150_000);
  });
});
