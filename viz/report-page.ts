/**
 * The report page as a string, with no node: module (a browser playground draws the same
 * page): d3, the client code, the stylesheet and the data are all inlined, and a
 * Content-Security-Policy forbids every network request and every script but the page's own.
 */
import { sha256 } from '@noble/hashes/sha2';
import { utf8ToBytes } from '@noble/hashes/utils';
import { stringify as toYaml } from 'yaml';
import type { Results } from '../sim/run/results.js';
import type { SweepResults } from '../sim/run/sweep-results.js';
import { deriveRun, deriveSweep } from './derive.js';
import { escapeHtml, jsonForScript, scriptForHtml, styleForHtml } from './embed.js';
import { renderMarkdown } from './markdown.js';
import { runCards, sweepCards, type Card } from './summary.js';

/** What every report inlines: d3's UMD bundle, the client scripts (concatenated), the stylesheet. */
export interface ReportAssets {
  d3: string;
  client: string;
  css: string;
}

export function isSweep(data: Results | SweepResults): data is SweepResults {
  return typeof data.format === 'string' && data.format.startsWith('gossipsim-sweep');
}

/**
 * Only the inline scripts listed by hash may run; nothing may be fetched (no fonts, no
 * images but data: URLs, no connections). A script smuggled into the description would
 * not run even if it got past the sanitiser.
 */
export function contentSecurityPolicy(scripts: string[]): string {
  return [
    "default-src 'none'",
    `script-src ${scripts.map((s) => `'sha256-${scriptHash(s)}'`).join(' ')}`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function cardsHtml(cards: Card[]): string {
  return cards.map((c) => `<div class="card ${c.group}"><div class="label">${escapeHtml(c.label)}</div>` +
    `<div class="value">${escapeHtml(c.value)}</div>` +
    (c.detail ? `<div class="detail">${escapeHtml(c.detail)}</div>` : '') + '</div>').join('\n');
}

function scenarioYaml(scenario: unknown): string {
  try {
    return toYaml(scenario, { lineWidth: 0 });
  } catch {
    return JSON.stringify(scenario, null, 2);
  }
}

/** " · gossipsim 0.2.0 on node 20.20.2 (V8 …), linux-x64 · scenario sha256:…" (a note for files written before it was recorded). */
export function provenanceLine(data: Results | SweepResults): string {
  const p = (data as Partial<Pick<Results, 'provenance'>>).provenance;
  if (!p) return ' · written before gossipsim 0.2.0 (no provenance recorded)';
  const engine = (e: Results['provenance']['engine'], platform: string) =>
    `${e.name} ${e.version}${e.v8 ? ` (V8 ${e.v8})` : ''}, ${platform}`;
  const parts = (p as SweepResults['provenance']).parts;
  const where = parts ? `parts run on ${parts.map((q) => engine(q.engine, q.platform)).join('; ')}` : `on ${engine(p.engine, p.platform)}`;
  return escapeHtml(` · gossipsim ${p.gossipsim} ${where} · scenario ${p.scenarioHash}`);
}

/** A script's hash as a Content-Security-Policy names it: SHA-256 of its UTF-8 text, base64. */
function scriptHash(text: string): string {
  return btoa(String.fromCharCode(...sha256(utf8ToBytes(text))));
}

/** The report page for a run (Results) or a sweep (SweepResults), from the assets to inline. */
export function renderReportPage(data: Results | SweepResults, assets: ReportAssets): string {
  const sweep = isSweep(data);
  const scenario = data.scenario;
  const name = scenario?.name || 'gossipsim run';
  const description = typeof scenario?.description === 'string' ? scenario.description : '';
  const derived = sweep ? deriveSweep(data) : deriveRun(data);
  const cards = sweep ? sweepCards(data) : runCards(data);
  const kicker = sweep
    ? `gossipsim · sweep over ${data.vary.map((v) => v.path).join(' × ')} · ${data.replicates} replicate${data.replicates === 1 ? '' : 's'}`
    : `gossipsim · run report · seed ${data.seed}`;

  const d3Code = scriptForHtml(assets.d3);
  const clientCode = scriptForHtml(assets.client);

  return `<!doctype html>
<html lang="en" data-theme="auto">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy([d3Code, clientCode]))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="gossipsim">
<title>${escapeHtml(name)} — gossipsim</title>
<style>
${styleForHtml(assets.css)}
</style>
</head>
<body>
<div class="page">
<header class="page-header">
<div>
<div class="kicker">${escapeHtml(kicker)}</div>
<h1>${escapeHtml(name)}</h1>
</div>
<div class="toolbar"><button id="theme-toggle" type="button" title="Switch between the system theme, light and dark">Theme: auto</button><button id="print" type="button">Print</button></div>
</header>
<main>
${description.trim() ? `<section class="description">\n${renderMarkdown(description)}</section>` : ''}
<section class="cards" aria-label="Headline figures">
${cardsHtml(cards)}
</section>
<nav class="toc" id="toc" aria-label="Sections"></nav>
<div id="report"></div>
<noscript><p class="noscript">The charts need JavaScript; the figures above and the data below are complete without it.</p></noscript>
<details class="raw"><summary>Scenario, fully resolved</summary>
<pre>${escapeHtml(scenarioYaml(scenario))}</pre>
</details>
</main>
<footer class="page-footer">${escapeHtml(String(data.format))}${provenanceLine(data)} · the results are embedded in this file (script#data) · drawn with d3</footer>
</div>
<script type="application/json" id="data">${jsonForScript(data)}</script>
<script type="application/json" id="derived">${jsonForScript(derived)}</script>
<script>${d3Code}</script>
<script>${clientCode}</script>
</body>
</html>
`;
}
