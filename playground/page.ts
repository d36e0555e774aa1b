/**
 * The playground page: the lesson menu, the editor checked by the CLI's validator, the
 * sliders, the run controls talking to the engine's worker, the live charts and overlay
 * view, and the report with its downloads once a run ends.
 */
import { ScenarioError, ScenarioErrors } from '../sim/scenario/errors.js';
import { loadScenarioText } from '../sim/scenario/load-text.js';
import { textFiles } from '../sim/scenario/input-files.js';
import { grouped } from '../sim/text/group-digits.js';
import { renderMarkdown } from '../viz/markdown.js';
import type { ReportAssets } from '../viz/report-page.js';
import { parse as parseYaml } from 'yaml';
import { ScenarioEditor, type MarkedError } from './editor.js';
import { LiveCharts } from './live-charts.js';
import { OverlayView } from './overlay-view.js';
import { MAX_VIEW_PEERS, type FromWorker, type ToWorker } from './protocol.js';
import { findSliders, positionOf, setScalarText, shownValue, valueAt, valueText, type FoundSlider } from './sliders.js';

/** A bundled scenario or lesson as the page embeds it. */
export interface EmbeddedScenario {
  /** Path in the package, e.g. scenarios/lessons/rumour-spreading.yaml (the name errors use). */
  path: string;
  name: string;
  summary: string;
  lesson: boolean;
  text: string;
  /** The texts of the files its keys name (a churn trace), by the path the scenario writes. */
  files: Record<string, string>;
}

export interface EmbeddedData {
  version: string;
  scenarios: EmbeddedScenario[];
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'run';
}

type RunState = 'idle' | 'running' | 'paused' | 'done';

export function startPage(): void {
  const data = JSON.parse($('gs-scenarios').textContent || '{}') as EmbeddedData;
  const assets: ReportAssets = {
    d3: $('gs-d3').textContent ?? '',
    client: $('gs-report-client').textContent ?? '',
    css: $('gs-report-css').textContent ?? '',
  };
  // The worker runs this same script (the bundle knows where it is running).
  const workerUrl = URL.createObjectURL(new Blob([$('gs-app').textContent ?? ''], { type: 'text/javascript' }));

  const menu = $<HTMLSelectElement>('lesson');
  const about = $('about');
  const errorsBox = $('errors');
  const slidersBox = $('sliders');
  const runButton = $<HTMLButtonElement>('run');
  const pauseButton = $<HTMLButtonElement>('pause');
  const stepButton = $<HTMLButtonElement>('step');
  const resetButton = $<HTMLButtonElement>('reset');
  const speedSelect = $<HTMLSelectElement>('speed');
  const clock = $('clock');
  const progress = $<HTMLProgressElement>('progress');
  const status = $('status');
  const viewBox = $('view');
  const reportFrame = $<HTMLIFrameElement>('report');
  const reportArea = $('report-area');
  const downloadJson = $<HTMLAnchorElement>('download-json');
  const downloadReport = $<HTMLAnchorElement>('download-report');

  // A first lesson that shows the most at a glance, if it is there.
  let current: EmbeddedScenario = data.scenarios.find((s) => s.path.endsWith('lessons/rumour-spreading.yaml'))
    ?? data.scenarios.find((s) => s.lesson) ?? data.scenarios[0];
  let valid = false;
  let sliders: FoundSlider[] = [];
  let worker: Worker | null = null;
  let state: RunState = 'idle';
  let view: OverlayView | null = null;
  let workerTime = 0;
  let displayTime = 0;
  let duration = 1;
  let lastFrame = 0;
  let validateTimer = 0;
  const charts = new LiveCharts($('live'));
  const urls: string[] = [];

  // ----- lesson menu -----
  for (const lesson of [true, false]) {
    const group = document.createElement('optgroup');
    group.label = lesson ? 'Lessons' : 'Scenarios';
    for (const s of data.scenarios.filter((x) => x.lesson === lesson)) {
      const option = document.createElement('option');
      option.value = s.path;
      option.textContent = s.name;
      option.title = s.summary;
      group.append(option);
    }
    menu.append(group);
  }

  const editor = new ScenarioEditor($('editor'), () => {
    clearTimeout(validateTimer);
    validateTimer = window.setTimeout(() => check(true), 200);
  });

  function load(s: EmbeddedScenario): void {
    current = s;
    menu.value = s.path;
    editor.setText(s.text, false);
    let description = '';
    try { description = String((parseYaml(s.text) as { description?: unknown }).description ?? ''); } catch { /* shown by the validator */ }
    about.innerHTML = description.trim() ? renderMarkdown(description) : '';
    reset();
    check(true);
  }

  // ----- validation (the CLI's validator, its one-paragraph messages) -----
  function check(updateSliders: boolean): void {
    const text = editor.text;
    const marks: MarkedError[] = [];
    let message = '';
    try {
      loadScenarioText(text, current.path, [], textFiles(current.files));
      valid = true;
    } catch (error) {
      valid = false;
      if (!(error instanceof ScenarioError)) throw error;
      message = error.format();
      const all = error instanceof ScenarioErrors ? error.errors : [error];
      for (const e of all) if (e.line !== undefined) marks.push({ line: e.line, message: e.format() });
    }
    editor.mark(marks);
    errorsBox.replaceChildren();
    errorsBox.hidden = valid;
    if (!valid) {
      const pre = document.createElement('pre');
      pre.textContent = message;
      errorsBox.append(pre);
      if (marks.length) {
        const go = document.createElement('button');
        go.type = 'button';
        go.textContent = `Go to line ${marks[0].line}`;
        go.addEventListener('click', () => editor.goTo(marks[0].line));
        errorsBox.append(go);
      }
    }
    if (updateSliders) showSliders(findSliders(text));
    updateButtons();
  }

  // ----- sliders: they write into the text; the text moves them -----
  function showSliders(found: FoundSlider[]): void {
    const same = found.length === sliders.length && found.every((f, i) => f.id === sliders[i].id);
    sliders = found;
    if (!same) {
      slidersBox.replaceChildren(...found.map((f) => {
        const row = document.createElement('label');
        row.className = 'slider';
        row.dataset.path = f.id;
        const name = document.createElement('span');
        name.className = 'name';
        name.textContent = f.label;
        const input = document.createElement('input');
        input.type = 'range';
        input.min = '0';
        input.max = '1000';
        input.step = '1';
        input.setAttribute('aria-label', f.label);
        const value = document.createElement('output');
        row.append(name, input, value);
        input.addEventListener('input', () => {
          const s = sliders.find((x) => x.id === f.id);
          if (!s) return;
          const v = valueAt(s.def, Number(input.value));
          try {
            editor.setText(setScalarText(editor.text, s.path, valueText(s, v)));
          } catch { return; }
          s.value = v;
          value.textContent = shownValue(s, v);
          check(false);
        });
        return row;
      }));
    }
    for (const f of found) {
      const row = slidersBox.querySelector<HTMLElement>(`label[data-path="${CSS.escape(f.id)}"]`);
      if (!row) continue;
      const input = row.querySelector('input')!;
      if (document.activeElement !== input) input.value = String(positionOf(f.def, f.value));
      row.querySelector('output')!.textContent = shownValue(f, f.value);
    }
    $('sliders-empty').hidden = found.length > 0;
  }

  // ----- running -----
  function speed(): number {
    const v = speedSelect.value;
    if (v === 'max') return 0;
    if (v === 'auto') return Math.max(0.05, duration / 30);
    return Number(v);
  }

  function send(message: ToWorker): void {
    worker?.postMessage(message);
  }

  function startRun(paused: boolean): void {
    reset();
    let scenarioDuration = 1;
    try { scenarioDuration = loadScenarioText(editor.text, current.path, [], textFiles(current.files)).duration; } catch { /* the worker says why */ }
    duration = scenarioDuration;
    charts.reset(duration);
    worker = new Worker(workerUrl);
    worker.onmessage = (event: MessageEvent<FromWorker>) => onWorker(event.data);
    worker.onerror = (event) => { setStatus(`internal error: ${event.message}`, true); stopWorker(); state = 'idle'; updateButtons(); };
    state = paused ? 'paused' : 'running';
    setStatus(paused ? 'ready: press Step or Run' : 'running…');
    send({ type: 'start', text: editor.text, fileName: current.path, files: current.files, speed: speed(), paused, assets });
    updateButtons();
    requestAnimationFrame(frame);
  }

  function onWorker(m: FromWorker): void {
    if (m.type === 'invalid') {
      setStatus('the scenario has an error (see below the editor)', true);
      stopWorker();
      state = 'idle';
      check(false);
    } else if (m.type === 'error') {
      setStatus(`internal error: ${m.message}`, true);
      stopWorker();
      state = 'idle';
    } else if (m.type === 'started') {
      duration = m.duration;
      charts.reset(duration);
      if (m.links && m.peers <= MAX_VIEW_PEERS) {
        view = new OverlayView(viewBox, m.peers, m.links, m.sample);
        viewBox.hidden = false;
      } else {
        viewBox.hidden = false;
        viewBox.replaceChildren(Object.assign(document.createElement('p'), {
          className: 'view-note',
          textContent: `The live overlay view draws networks of up to ${grouped(MAX_VIEW_PEERS)} peers; this one has ${grouped(m.peers)}.`,
        }));
      }
    } else if (m.type === 'progress') {
      workerTime = m.time;
      charts.add(m.samples);
      view?.add(m.messages, m.changes, m.kinds);
      $('events').textContent = `${grouped(m.events)} events`;
      if (m.paused && state === 'running') { state = 'paused'; setStatus('paused'); updateButtons(); }
    } else if (m.type === 'done') {
      state = 'done';
      charts.add([]);
      stopWorker();
      // The report's frame starts in a task of its own, after this one.
      setTimeout(() => showReport(m.json, m.report), 0);
      const early = workerTime < duration ? ` at t = ${workerTime} s (no event was left)` : '';
      setStatus(`finished${early} in ${m.wallSeconds.toFixed(2)} s of computing`);
      updateButtons();
    }
  }

  function frame(now: number): void {
    const dt = lastFrame ? (now - lastFrame) / 1000 : 0;
    lastFrame = now;
    const s = speed();
    // The view trails the worker (at most a sampling step ahead) at the chosen speed.
    displayTime = s === 0 ? workerTime : Math.min(workerTime, displayTime + dt * s);
    view?.draw(displayTime);
    clock.textContent = `t = ${displayTime.toFixed(duration < 20 ? 2 : 1)} s of ${duration} s`;
    progress.value = duration > 0 ? displayTime / duration : 0;
    if (worker || (view && displayTime < workerTime)) requestAnimationFrame(frame);
    else lastFrame = 0;
  }

  function showReport(json: string, report: string): void {
    const name = slug(current.name);
    const jsonUrl = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const reportUrl = URL.createObjectURL(new Blob([report], { type: 'text/html' }));
    urls.push(jsonUrl, reportUrl);
    downloadJson.href = jsonUrl;
    downloadJson.download = `${name}-results.json`;
    downloadReport.href = reportUrl;
    downloadReport.download = `${name}.html`;
    reportFrame.srcdoc = report;
    reportArea.hidden = false;
  }

  function stopWorker(): void {
    worker?.terminate();
    worker = null;
  }

  function reset(): void {
    stopWorker();
    view?.stop();
    view = null;
    state = 'idle';
    workerTime = displayTime = 0;
    charts.reset(1);
    viewBox.replaceChildren();
    viewBox.hidden = true;
    reportArea.hidden = true;
    reportFrame.removeAttribute('srcdoc');
    for (const url of urls.splice(0)) URL.revokeObjectURL(url);
    $('events').textContent = '';
    clock.textContent = '';
    progress.value = 0;
    setStatus('');
    updateButtons();
  }

  function setStatus(text: string, bad = false): void {
    status.textContent = text;
    status.classList.toggle('bad', bad);
  }

  function updateButtons(): void {
    runButton.disabled = !valid && state !== 'paused';
    runButton.textContent = state === 'paused' ? '▶ Resume' : state === 'running' ? '▶ Running' : '▶ Run';
    if (state === 'running') runButton.disabled = true;
    pauseButton.disabled = state !== 'running';
    stepButton.disabled = state === 'running' || state === 'done' || (!valid && state === 'idle');
    resetButton.disabled = state === 'idle' && !view;
    document.documentElement.dataset.run = state;
  }

  runButton.addEventListener('click', () => {
    if (state === 'paused' && worker) {
      state = 'running';
      send({ type: 'speed', speed: speed() });
      send({ type: 'resume' });
      setStatus('running…');
      updateButtons();
      requestAnimationFrame(frame);
    } else startRun(false);
  });
  pauseButton.addEventListener('click', () => { if (state === 'running') send({ type: 'pause' }); });
  stepButton.addEventListener('click', () => {
    if (!worker) startRun(true);
    send({ type: 'step' });
    requestAnimationFrame(frame);
  });
  resetButton.addEventListener('click', () => reset());
  speedSelect.addEventListener('change', () => send({ type: 'speed', speed: speed() }));
  menu.addEventListener('change', () => {
    const s = data.scenarios.find((x) => x.path === menu.value);
    if (s) load(s);
  });
  $('theme-toggle').addEventListener('click', () => requestAnimationFrame(() => view?.readColours()));

  load(current);
  document.documentElement.classList.add('ready');
}
