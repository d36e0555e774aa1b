/**
 * The files inlined into every report: d3's UMD bundle (from node_modules), the client
 * scripts and the stylesheet (from viz/client/, next to this module in the source tree
 * and copied to dist/viz/client/ by scripts/copy-assets.mjs), and each family's drawing
 * script (its descriptor's reportClient, copied likewise under dist/). Read once per process.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FAMILIES_IN_READING_ORDER } from '../sim/families/families.js';
import type { ReportAssets } from './report-page.js';

/**
 * Client scripts in the order they are concatenated (each builds on the ones before); the
 * families' scripts go right after run-report.js, whose GS.family they call.
 */
export const CLIENT_SCRIPTS = ['core.js', 'chart.js', 'run-report.js', 'spread-view.js', 'sweep-report.js', 'main.js'] as const;
const FAMILY_SCRIPTS_AFTER = 'run-report.js';
export const CLIENT_STYLESHEET = 'report.css';

export type { ReportAssets } from './report-page.js';

/** The folder holding the client files: next to this module, else the source tree. */
function clientDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'client'), join(here, '..', '..', 'viz', 'client')];
  const found = candidates.find((dir) => existsSync(join(dir, CLIENT_STYLESHEET)));
  if (!found) throw new Error(`viz/assets: client files not found (looked in ${candidates.join(', ')})`);
  return found;
}

/** d3's minified UMD bundle, which defines the global `d3` when run as a classic script. */
function d3Path(): string {
  const require = createRequire(import.meta.url);
  // "d3" resolves to dist/d3.mjs (an ES module); the UMD bundle sits beside it.
  return join(dirname(require.resolve('d3')), 'd3.min.js');
}

/** The rule of report.css that holds the dark palette. */
const DARK_RULE = /:root\[data-theme="dark"\]\s*\{[^}]*\}/;

/**
 * `css` with the dark palette applied also to the theme "auto" on a system that prefers
 * dark, right after the rule that sets it for the theme "dark": the palette is written once,
 * in that rule. Throws if `css` has no such rule.
 */
export function withAutoDark(css: string): string {
  const rule = DARK_RULE.exec(css);
  if (!rule) throw new Error('viz/assets: the stylesheet has no :root[data-theme="dark"] rule');
  const body = rule[0].slice(rule[0].indexOf('{'));
  const end = rule.index + rule[0].length;
  return `${css.slice(0, end)}\n@media (prefers-color-scheme: dark) {\n  :root[data-theme="auto"] ${body}\n}${css.slice(end)}`;
}

let cached: ReportAssets | undefined;

/**
 * The client code: CLIENT_SCRIPTS, with each family's script (in reading order, so that a
 * report without its families' order still draws them in it) after run-report.js. The
 * family paths are from the package root: the folder above viz/client/ (dist/ once built).
 */
function clientCode(dir: string): string {
  const root = join(dir, '..', '..');
  const part = (label: string, path: string) => `// ---- ${label}\n` + readFileSync(path, 'utf8');
  return CLIENT_SCRIPTS.flatMap((name) => [part(name, join(dir, name)),
    ...(name === FAMILY_SCRIPTS_AFTER
      ? FAMILIES_IN_READING_ORDER.flatMap((f) => (f.reportClient ? [part(f.reportClient, join(root, f.reportClient))] : []))
      : [])]).join('\n');
}

export function reportAssets(): ReportAssets {
  if (cached) return cached;
  const dir = clientDir();
  cached = {
    d3: readFileSync(d3Path(), 'utf8'),
    client: clientCode(dir),
    css: withAutoDark(readFileSync(join(dir, CLIENT_STYLESHEET), 'utf8')),
  };
  return cached;
}
