/**
 * The playground as ONE self-contained HTML file: d3, the report's client code and
 * stylesheet, the playground's script (UI and engine, which the page also starts as a Worker
 * from a blob) and the bundled scenarios as JSON data. Its Content-Security-Policy is the
 * report's plus `worker-src blob:`: scripts only by hash, no request of any kind.
 */
import { escapeHtml, jsonForScript, scriptForHtml, styleForHtml } from '../viz/embed.js';
import { contentSecurityPolicy, type ReportAssets } from '../viz/report-page.js';
import type { EmbeddedData } from './page.js';
import { PLAYGROUND_CSS } from './style.js';

export function renderPlayground(data: EmbeddedData, app: string, assets: ReportAssets): string {
  const d3Code = scriptForHtml(assets.d3);
  const clientCode = scriptForHtml(assets.client);
  const appCode = scriptForHtml(app);
  const csp = `${contentSecurityPolicy([d3Code, clientCode, appCode])}; worker-src blob:`;
  const lessons = data.scenarios.filter((s) => s.lesson).length;
  return `<!doctype html>
<html lang="en" data-theme="auto">
<head>
<meta charset="utf-8">
<meta name="generator" content="gossipsim playground ${escapeHtml(data.version)}">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>gossipsim playground</title>
<style id="gs-report-css">${styleForHtml(assets.css)}</style>
<style id="gs-css">
${styleForHtml(PLAYGROUND_CSS)}
</style>
</head>
<body>
<div class="page playground">
<header class="page-header">
<div>
<div class="kicker">gossipsim ${escapeHtml(data.version)} · playground · ${lessons} lessons, runs offline in this page</div>
<h1>Peer-to-peer playground</h1>
</div>
<div class="toolbar"><label>Lesson <select id="lesson" aria-label="lesson or scenario"></select></label><button id="theme-toggle" type="button" title="Switch between the system theme, light and dark">Theme: auto</button></div>
</header>
<main class="pg">
<section class="pg-edit" aria-label="Scenario">
<details class="about" open><summary>About this lesson</summary><div id="about" class="description"></div></details>
<h2>Scenario</h2>
<div id="editor" class="editor"><div class="gutter" aria-hidden="true"></div><div class="body"><div class="band" hidden></div><textarea id="scenario" spellcheck="false" wrap="off" autocapitalize="off" autocomplete="off" aria-label="scenario (YAML)"></textarea></div></div>
<div id="errors" class="errors" role="alert" hidden></div>
</section>
<section class="pg-run" aria-label="Run">
<h2>Key parameters</h2>
<div id="sliders" class="sliders"></div>
<p id="sliders-empty" class="view-note" hidden>This scenario has none of the keys the sliders set; edit the text.</p>
<div class="run-controls">
<button id="run" type="button">▶ Run</button><button id="pause" type="button">❚❚ Pause</button><button id="step" type="button" title="Run one sampling step (metrics.sample) and pause">Step</button><button id="reset" type="button">Reset</button>
<label>Speed <select id="speed" aria-label="simulated seconds per second">
<option value="auto" selected>auto (≈ 30 s)</option><option value="0.1">0.1×</option><option value="1">1×</option><option value="5">5×</option><option value="20">20×</option><option value="100">100×</option><option value="max">as fast as it goes</option>
</select></label>
<progress id="progress" max="1" value="0"></progress><span id="clock" class="clock"></span><span id="events" class="events"></span>
</div>
<div id="status" class="status" role="status"></div>
<div id="view" class="view" hidden></div>
<div id="live" class="live"></div>
</section>
</main>
<section id="report-area" class="report-area" hidden aria-label="Report">
<div class="downloads"><h2>Report</h2><a id="download-json" class="button" href="#">Download results (JSON)</a><a id="download-report" class="button" href="#">Download report (HTML)</a></div>
<iframe id="report" title="the run's report" sandbox="allow-scripts allow-modals"></iframe>
</section>
<footer class="page-footer">gossipsim ${escapeHtml(data.version)} playground · the engine runs in a Web Worker in this page; nothing is sent anywhere · results and report are those of <code>gossipsim run --json</code> and <code>gossipsim report</code></footer>
</div>
<script type="application/json" id="gs-scenarios">${jsonForScript(data)}</script>
<script id="gs-d3">${d3Code}</script>
<script id="gs-report-client">${clientCode}</script>
<script id="gs-app">${appCode}</script>
</body>
</html>
`;
}
