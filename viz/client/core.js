/*
 * gossipsim report, client side (1/6): the shared namespace, number formatting, the
 * tooltip and small DOM helpers. Plain classic scripts, inlined in order by
 * viz/assets.ts; they share the global `GS` and read d3 from the global `d3`.
 */
/* global d3 */
'use strict';

var GS = (function () {
  const GS = {};

  /** Number of colours in the categorical palette (CSS variables --c0 .. --c7). */
  GS.PALETTE_SIZE = 8;
  GS.color = (i) => `var(--c${((i % GS.PALETTE_SIZE) + GS.PALETTE_SIZE) % GS.PALETTE_SIZE})`;

  const thin = '\u2009';
  const group = (digits) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, thin);

  /** A count or measure: integers grouped by thousands, others to 3 significant digits. */
  GS.fmt = function (v, digits) {
    if (v === null || v === undefined || !Number.isFinite(v)) return '–';
    digits = digits || 3;
    if (Number.isInteger(v) && Math.abs(v) < 1e15) return (v < 0 ? '−' : '') + group(String(Math.abs(v)));
    const abs = Math.abs(v);
    if (abs !== 0 && (abs >= 1e15 || abs < 1e-3)) return v.toExponential(digits - 1).replace('-', '−');
    const text = Number(v.toPrecision(digits)).toString();
    const parts = text.replace('-', '').split('.');
    return (v < 0 ? '−' : '') + group(parts[0]) + (parts[1] ? '.' + parts[1] : '');
  };

  /** A fraction as a percentage, with enough decimals near 100 %. */
  GS.pct = function (f) {
    if (f === null || f === undefined || !Number.isFinite(f)) return '–';
    const p = f * 100;
    if (p === 100 || p === 0) return p + ' %';
    const decimals = p > 99 && p < 100 ? Math.min(4, Math.ceil(-Math.log10(100 - p)) + 1) : p < 1 ? 2 : 1;
    return p.toFixed(decimals) + ' %';
  };

  /** Seconds with a readable unit. */
  GS.dur = function (s) {
    if (s === null || s === undefined || !Number.isFinite(s)) return '–';
    const a = Math.abs(s);
    if (a === 0) return '0 s';
    if (a < 1e-3) return GS.fmt(s * 1e6) + ' µs';
    if (a < 1) return GS.fmt(s * 1e3) + ' ms';
    if (a < 120) return GS.fmt(s) + ' s';
    if (a < 7200) return GS.fmt(s / 60) + ' min';
    return GS.fmt(s / 3600) + ' h';
  };

  GS.isNum = (v) => typeof v === 'number' && Number.isFinite(v);
  GS.isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
  GS.numArray = (v) => Array.isArray(v) && v.length > 0 && v.every((x) => x === null || typeof x === 'number');

  /** Keeps at most `max` points of a polyline: every k-th point, plus the last one. */
  GS.thin = function (points, max) {
    max = max || 1500;
    if (points.length <= max) return points;
    const step = Math.ceil(points.length / max);
    const out = [];
    for (let i = 0; i < points.length; i += step) out.push(points[i]);
    if (out[out.length - 1] !== points[points.length - 1]) out.push(points[points.length - 1]);
    return out;
  };

  /** A section of the report: a heading, an optional lede, and a container for charts. */
  GS.section = function (root, id, title, lede) {
    const s = root.append('section').attr('class', 'part').attr('id', id);
    s.append('h2').text(title);
    if (lede) s.append('p').attr('class', 'lede').text(lede);
    GS.sections.push({ id, title });
    return s;
  };
  GS.sections = [];

  /** A simple table: `columns` are [heading, (row) => text]. */
  GS.table = function (parent, columns, rows) {
    const wrap = parent.append('div').attr('class', 'table-wrap');
    const t = wrap.append('table').attr('class', 'data');
    const cells = rows.map((row) => columns.map((c) => c[1](row)));
    // Columns of words read from the left; columns of figures line up on the right.
    const numeric = (v) => /^[−\-–+]?[\d.]|^–$/.test(v);
    const text = columns.map((c, i) => cells.filter((row) => !numeric(row[i])).length * 2 > cells.length);
    t.append('thead').append('tr').selectAll('th').data(columns).join('th').text((c) => c[0]).classed('text', (c, i) => text[i]);
    t.append('tbody').selectAll('tr').data(cells).join('tr')
      .selectAll('td').data((row) => row).join('td').text((v) => v).classed('text', (v, i) => text[i]);
    return t;
  };

  // ----- tooltip: one floating div shared by every chart -----
  let tip = null;
  function tooltip() {
    if (!tip) tip = d3.select('body').append('div').attr('class', 'tooltip').attr('role', 'status');
    return tip;
  }
  /**
   * Shows the tooltip near the pointer. `head` is a string; `rows` are [colour|null, text]
   * pairs. Text only (never HTML), so names taken from the data cannot inject markup.
   */
  GS.showTip = function (event, head, rows) {
    const t = tooltip();
    t.selectAll('*').remove();
    if (head) t.append('div').attr('class', 'head').text(head);
    for (const [color, text] of rows || []) {
      const row = t.append('div').attr('class', 'row');
      if (color) row.append('span').attr('class', 'swatch').style('background', color);
      row.append('span').text(text);
    }
    const node = t.node();
    const pad = 16;
    const w = node.offsetWidth;
    const h = node.offsetHeight;
    let x = event.clientX + pad;
    let y = event.clientY + pad;
    if (x + w > window.innerWidth - 4) x = event.clientX - w - pad;
    if (y + h > window.innerHeight - 4) y = event.clientY - h - pad;
    t.style('left', Math.max(4, x) + 'px').style('top', Math.max(4, y) + 'px').classed('visible', true);
  };
  GS.hideTip = function () {
    if (tip) tip.classed('visible', false);
  };

  return GS;
})();
