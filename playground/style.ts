/** The playground's stylesheet, on top of the report's (its palette, buttons and charts). */
export const PLAYGROUND_CSS = `
.page.playground { max-width: 1500px; }
.page.playground .page-header { padding-top: 16px; margin-bottom: 16px; }
.page.playground h1 { font-size: 1.9rem; }
.pg { display: grid; grid-template-columns: minmax(0, 5fr) minmax(0, 6fr); gap: 24px; align-items: start; }
@media (max-width: 1000px) { .pg { grid-template-columns: 1fr; } }
.pg h2 { font-size: 1.15rem; margin: 0 0 8px; }
.toolbar label { display: inline-flex; align-items: center; gap: 8px; font-weight: 600; }
#lesson { min-width: 16em; max-width: 26em; }
details.about { margin: 0 0 12px; }
details.about > summary { cursor: pointer; font-weight: 600; }
details.about .description { font-size: 0.95rem; max-height: 12em; overflow: auto; margin: 6px 0 0; }
.editor { position: relative; display: grid; grid-template-columns: auto minmax(0, 1fr); border: 1px solid var(--panel-edge); border-radius: 8px; background: var(--panel); height: 34em; overflow: hidden; }
.editor .gutter { margin: 0; padding: 8px 6px 8px 10px; overflow: hidden; text-align: right; color: var(--faint); font: 14px/20px var(--mono); user-select: none; border-right: 1px solid var(--panel-edge); min-width: 3.4em; }
.editor .gutter .ln.error { color: #fff; background: #c62828; border-radius: 4px; font-weight: 700; }
.editor .body { position: relative; min-width: 0; }
.editor .band { position: absolute; left: 0; right: 0; background: rgba(198, 40, 40, 0.18); border-left: 3px solid #c62828; pointer-events: none; }
.editor textarea { position: relative; display: block; width: 100%; height: 100%; margin: 0; padding: 8px 10px; border: 0; resize: none; background: transparent; color: var(--fg); font: 14px/20px var(--mono); white-space: pre; overflow: auto; tab-size: 2; }
.editor textarea:focus { outline: none; }
.errors { margin: 10px 0; border-left: 4px solid #c62828; background: var(--panel); padding: 8px 12px; border-radius: 6px; }
.errors pre { margin: 0 0 6px; white-space: pre-wrap; font-size: 0.88rem; }
.sliders { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 4px 18px; margin: 0 0 14px; max-height: 19em; overflow-y: auto; padding-right: 4px; }
.slider { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 0 8px; font-size: 0.9rem; }
.slider .name { color: var(--muted); font-weight: 600; }
.slider output { font-variant-numeric: tabular-nums; font-weight: 700; text-align: right; }
.slider input { grid-column: 1 / -1; accent-color: var(--accent); }
.run-controls { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 10px; margin-bottom: 10px; }
.run-controls button { font-weight: 700; min-width: 5.5em; }
.run-controls button:disabled { opacity: 0.45; cursor: default; }
.run-controls progress { flex: 1 1 120px; height: 10px; accent-color: var(--accent); }
.run-controls .clock, .run-controls .events { font-variant-numeric: tabular-nums; color: var(--muted); font-size: 0.9rem; }
.status { min-height: 1.5em; font-size: 0.92rem; color: var(--muted); }
.status.bad { color: #c62828; font-weight: 700; }
.view { margin: 8px 0 14px; }
.overlay-canvas { display: block; width: 100%; height: 440px; background: var(--panel); border: 1px solid var(--panel-edge); border-radius: 12px; }
.view-key { display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 0.85rem; color: var(--muted); margin-top: 6px; }
.view-key span::before { content: ""; display: inline-block; width: 11px; height: 11px; border-radius: 50%; margin-right: 6px; vertical-align: -1px; background: var(--dot); }
.view-key span.down::before { background: transparent; border: 2px solid #d62728; width: 8px; height: 8px; }
.view-note { color: var(--muted); font-size: 0.92rem; }
.live { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 250px), 1fr)); gap: 8px 18px; }
.live figure.chart .chart-title { font-size: 0.98rem; }
/* Redrawn a few times a second: keep the layout work inside each chart's box. */
.live-chart { contain: layout paint; min-height: 280px; }
.report-area { margin-top: 30px; border-top: 3px solid var(--fg); padding-top: 14px; }
.report-area .downloads { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; margin-bottom: 10px; }
.report-area iframe { width: 100%; height: 88vh; border: 1px solid var(--panel-edge); border-radius: 8px; background: var(--bg); }
`;
