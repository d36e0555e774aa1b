/** Writes the playground with the built CLI, and runs a lesson in it as a person would. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { gossipsim, tempDir } from '../helpers/cli';

/** The playground page's HTML, written by `gossipsim playground`. */
export function playgroundHtml(): string {
  const out = join(tempDir('gossipsim-playground-'), 'playground.html');
  const r = gossipsim(['playground', '--out', out, '--quiet']);
  if (r.code !== 0) throw new Error(`gossipsim playground failed: ${r.stderr}`);
  return readFileSync(out, 'utf8');
}

/** The lessons the page offers (option values: paths in the package). */
export async function lessonPaths(page: Page): Promise<string[]> {
  return page.$$eval('#lesson optgroup[label="Lessons"] option', (options) => options.map((o) => (o as HTMLOptionElement).value));
}

/** Runs what the editor holds as fast as it goes and waits for the report. */
export async function runToEnd(page: Page, timeout = 90_000): Promise<void> {
  await page.selectOption('#speed', 'max');
  await page.click('#run');
  await page.waitForSelector('#report-area:not([hidden])', { timeout });
}

/** Clicks a download link and returns the file's name and text. */
export async function download(page: Page, selector: string): Promise<{ name: string; text: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const path = await d.path();
  return { name: d.suggestedFilename(), text: readFileSync(path!, 'utf8') };
}
