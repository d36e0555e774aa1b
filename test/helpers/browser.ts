/**
 * Opens report pages in Debian's chromium through playwright-core, and records what a
 * report must never do: console errors, uncaught exceptions, failed requests, requests to
 * anything but file: and data: URLs, and dialogs (alert / confirm / prompt).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
export const ARTIFACTS = resolve(__dirname, '..', '..', 'test-artifacts', 'viz');

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

export interface PageProblems {
  consoleErrors: string[];
  failedRequests: string[];
  /** Requests to anything but file:, data: or blob: URLs (a self-contained page makes none). */
  foreignRequests: string[];
  dialogs: string[];
}

export interface OpenedPage {
  page: Page;
  problems: PageProblems;
  file: string;
}

export class ReportBrowser {
  private context: BrowserContext | null = null;
  private userDataDir = '';

  async start(): Promise<void> {
    this.userDataDir = mkdtempSync(join(tmpdir(), 'gossipsim-chromium-'));
    this.context = await chromium.launchPersistentContext(this.userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1280, height: 900 },
      deviceScaleFactor: 1,
    });
  }

  async stop(): Promise<void> {
    await this.context?.close();
    this.context = null;
    if (this.userDataDir) rmSync(this.userDataDir, { recursive: true, force: true });
  }

  /** Writes `html` to test-artifacts/viz/<name>.html, opens it by file: URL, waits until drawn. */
  async open(name: string, html: string): Promise<OpenedPage> {
    if (!this.context) throw new Error('browser not started');
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, `${name}.html`);
    writeFileSync(file, html);
    const page = await this.context.newPage();
    // Each page starts from the system theme, whatever an earlier page chose.
    await page.addInitScript(() => { try { window.localStorage.clear(); } catch { /* file: storage off */ } });
    const problems: PageProblems = { consoleErrors: [], failedRequests: [], foreignRequests: [], dialogs: [] };
    page.on('console', (msg) => { if (msg.type() === 'error') problems.consoleErrors.push(msg.text()); });
    page.on('pageerror', (err) => problems.consoleErrors.push(`uncaught: ${err.message}`));
    page.on('requestfailed', (req) => problems.failedRequests.push(`${req.url()} (${req.failure()?.errorText})`));
    // blob: URLs are the page's own (the playground starts its Worker from one), never fetched from elsewhere.
    page.on('request', (req) => { if (!/^(file|data|blob):/.test(req.url())) problems.foreignRequests.push(req.url()); });
    page.on('dialog', (dialog) => { problems.dialogs.push(`${dialog.type()}: ${dialog.message()}`); void dialog.dismiss(); });
    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction(() => document.documentElement.classList.contains('ready'), undefined, { timeout: 15_000 });
    return { page, problems, file };
  }
}

export interface ChartCheck {
  title: string;
  marks: number;
  axisLabels: string[];
  tickLabels: number;
}

/** For every chart of the page: its drawn marks, axis labels and tick labels. */
export async function inspectCharts(page: Page): Promise<ChartCheck[]> {
  return page.$$eval('figure.chart', (figures) => figures.map((fig) => {
    const svg = fig.querySelector('svg.chart-svg');
    const drawn = svg ? Array.from(svg.querySelectorAll('.marks path, .marks circle, .marks rect, .marks line, g > circle.mark-point'))
      .filter((el) => el.tagName !== 'path' || (el.getAttribute('d') ?? '').length > 2) : [];
    return {
      title: fig.querySelector('.chart-title')?.textContent ?? '',
      marks: drawn.length,
      axisLabels: svg ? Array.from(svg.querySelectorAll('text.axis-label')).map((t) => t.textContent ?? '') : [],
      tickLabels: svg ? Array.from(svg.querySelectorAll('.axis .tick text')).filter((t) => (t.textContent ?? '') !== '').length : 0,
    };
  }));
}
