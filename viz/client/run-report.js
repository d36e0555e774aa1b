/*
 * gossipsim report, client side (3/6): the sections of a single run's report, each drawn
 * only when its part of the results is present: each family's, in the registry's reading
 * order (drawn by the script its folder registers with GS.family, or the section its
 * descriptor describes as data), then the overlay's degrees and the time series.
 */
/* global GS */
(function () {
  'use strict';

  const TIME = 'time (s)';
  /** The x label of every chart over simulated time. */
  GS.TIME = TIME;

  /**
   * The families' own drawing code (each family folder's report.client.js, inlined after
   * this file in registry order) registers here by family name: `label` names the section
   * in an error, `draw(root, results, derived, drawn)` draws it (adding the series it drew
   * to `drawn`), `spreadTraces(results)` (optional) gives the traces the overlay view
   * can animate (spread-view.js), and `sweepLead(charts, sweep, derived, {xKey, logX,
   * highlight})` (optional) adds a chart of its own to a sweep report's lead (sweep-report.js).
   */
  GS.families = Object.create(null);
  GS.family = function (name, renderer) {
    GS.families[name] = renderer;
  };

  /** "deadLinks" -> "dead links"; "informed[0]" -> "informed (broadcast #1)". */
  GS.words = function (name) {
    const m = /^(.*)\[(\d+)\]$/.exec(name);
    if (m) return `${GS.words(m[1])} (#${Number(m[2]) + 1})`;
    return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
  };

  /** Rows of [name, formatted value] for every scalar field of an object. */
  function scalarRows(obj, skip) {
    const rows = [];
    for (const [k, v] of Object.entries(obj || {})) {
      if (skip && skip.includes(k)) continue;
      if (GS.isNum(v)) rows.push([GS.words(k), /time|seconds|bound$|^at$|^start$/i.test(k) ? GS.dur(v) : /fraction|coverage|rate|utilisation|utilization/i.test(k) && v >= 0 && v <= 1 ? GS.pct(v) : GS.fmt(v)]);
      else if (typeof v === 'string' || typeof v === 'boolean') rows.push([GS.words(k), String(v)]);
    }
    return rows;
  }
  /** A two-column table of an object's scalar fields, in a grid cell of `parent`. */
  function keyValueTable(parent, obj, skip) {
    const rows = scalarRows(obj, skip);
    if (rows.length) GS.table(parent.append('div').attr('class', 'side'), [['measure', (r) => r[0]], ['value', (r) => r[1]]], rows);
  }
  GS.keyValueTable = keyValueTable;
  const capitalised = (text) => text.charAt(0).toUpperCase() + text.slice(1);
  /** Tick labels of a log axis of fractions: 10%, 1%, 0.1%, 0.01%, 1e−5%. */
  const logPercent = (v) => {
    const p = v * 100;
    return (p >= 0.01 ? GS.fmt(p) : p.toExponential(0).replace('-', '−')) + '%';
  };

  function degrees(root, r, derived) {
    const o = r.overlay;
    if (!GS.isObj(o)) return;
    const s = GS.section(root, 'overlay', 'The overlay',
      `${(r.scenario && r.scenario.overlay && r.scenario.overlay.model) || 'The'} overlay at the start of the run: who can talk to whom.`);
    const grid = s.append('div').attr('class', 'charts');
    const h = Array.isArray(o.degreeHistogram) ? o.degreeHistogram.filter((d) => Array.isArray(d) && GS.isNum(d[0]) && GS.isNum(d[1])) : [];
    if (h.length) {
      const total = h.reduce((a, d) => a + d[1], 0) || 1;
      const pts = h.map(([k, c]) => [k, c / total, c]);
      const loglog = derived.degreeLogLog;
      const series = [loglog
        ? { name: 'peers with degree k', kind: 'points', color: GS.color(0), points: pts.filter((d) => d[0] > 0), tip: (d) => [`degree ${d[0]}`, `${GS.fmt(d[2])} peers (${GS.pct(d[1])})`] }
        : { name: 'peers with degree k', kind: 'bars', color: GS.color(0), points: pts, tip: (d) => [`degree ${d[0]}`, `${GS.fmt(d[2])} peers (${GS.pct(d[1])})`] }];
      if (derived.degreeTheory) series.push({ name: derived.degreeTheory.label, kind: 'line', theory: true, points: derived.degreeTheory.points.filter((d) => !loglog || d[0] > 0) });
      GS.chart(grid, {
        title: loglog ? 'Degree distribution (log-log)' : 'Degree distribution',
        x: loglog ? { label: 'degree k (links per peer, log scale)', type: 'log' } : { label: 'degree k (links per peer)', integer: true },
        y: loglog ? { label: 'fraction of peers (log scale)', type: 'log', format: logPercent, tipFormat: GS.pct } : { label: 'fraction of peers', percent: true },
        series,
        legend: series.length > 1,
        note: loglog ? 'A straight line on log-log axes is a power law: a few hubs hold many links.' : undefined,
      });
    }
    keyValueTable(grid, o, ['degreeHistogram', 'links']);
    if (GS.canDrawOverlay(r) && !GS.hasSpreadTrace(r)) GS.renderSpread(root, r, s);
  }

  /** Time series not drawn elsewhere: alive peers first, then every other sampled column. */
  function timeSeries(root, r, drawn) {
    const ser = r.series;
    if (!GS.isObj(ser) || !GS.numArray(ser.time) || ser.time.length < 2) return;
    const names = Object.keys(ser).filter((k) => k !== 'time' && !drawn.has(k) && GS.numArray(ser[k]));
    if (!names.length) return;
    const s = GS.section(root, 'series', 'Over time', `Sampled every ${GS.dur(ser.time[1] - ser.time[0])} of simulated time.`);
    const charts = s.append('div').attr('class', 'charts');
    names.sort((a, b) => (a === 'alive' ? -1 : b === 'alive' ? 1 : 0));
    for (const name of names) {
      const values = ser[name];
      const fraction = values.every((v) => v === null || (v >= 0 && v <= 1)) && /fraction|coverage|ratio|informed|dead/i.test(name);
      GS.chart(charts, {
        title: name === 'alive' ? 'Alive peers' : capitalised(GS.words(name)),
        x: { label: TIME, tipFormat: GS.dur },
        y: name === 'alive' ? { label: 'alive peers' } : fraction ? { label: GS.words(name) + ' (%)', percent: true } : { label: GS.words(name) },
        series: [{ name: GS.words(name), kind: 'line', color: GS.color(name === 'alive' ? 2 : 6), points: ser.time.map((t, k) => [t, values[k]]) }],
        legend: false,
      });
    }
  }

  /**
   * A section a family describes as data (its descriptor's reportSection, in
   * derived.familySections): line charts and a table of figures, drawn the same way for any
   * family, so a new family needs no client code.
   */
  function dataSection(root, sec) {
    const s = GS.section(root, String(sec.id), String(sec.title), String(sec.intro || ''));
    const grid = s.append('div').attr('class', 'charts');
    for (const c of Array.isArray(sec.charts) ? sec.charts : []) {
      const series = (Array.isArray(c.lines) ? c.lines : []).map((l, i) => ({
        name: String(l.label), kind: 'line', theory: /^theory|^true/.test(String(l.label)),
        color: GS.color(i), points: (Array.isArray(l.points) ? l.points : []).filter((p) => GS.isNum(p[0]) && GS.isNum(p[1])),
      }));
      GS.chart(grid, {
        title: String(c.title),
        x: { label: String((c.x && c.x.label) || '') },
        y: c.y && c.y.log ? { label: String(c.y.label || ''), type: 'log' } : { label: String((c.y && c.y.label) || '') },
        series,
      });
    }
    const rows = Array.isArray(sec.table) ? sec.table.filter((row) => Array.isArray(row) && row.length === 2).map((row) => row.map(String)) : [];
    if (rows.length) GS.table(grid.append('div').attr('class', 'side'), [['measure', (row) => row[0]], ['value', (row) => row[1]]], rows);
  }

  GS.renderRun = function (root, r, derived) {
    derived = derived || {};
    const drawn = new Set();
    const guard = (name, fn) => {
      try { fn(); } catch (err) {
        console.error(`gossipsim report: could not draw ${name}`, err);
        root.append('p').attr('class', 'noscript').text(`Could not draw ${name}: ${err && err.message}`);
      }
    };
    // Each family in the registry's reading order (derived.families), then the overlay and
    // the time series every run has.
    const data = new Map((Array.isArray(derived.familySections) ? derived.familySections : []).filter(GS.isObj).map((sec) => [sec.family, sec]));
    const order = Array.isArray(derived.families) ? derived.families : Object.keys(GS.families);
    for (const name of order) {
      const own = GS.families[name];
      if (own) guard(own.label, () => own.draw(root, r, derived, drawn));
      if (data.has(name)) guard(`the ${name} section`, () => dataSection(root, data.get(name)));
    }
    guard('the overlay', () => degrees(root, r, derived));
    guard('the time series', () => timeSeries(root, r, drawn));
  };
})();
