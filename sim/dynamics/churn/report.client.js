/*
 * The churn family's section of the run report (client side; viz/assets.ts inlines it
 * after run-report.js): its figures, and a replayed trace's session lengths beside their fits.
 */
/* global GS */
(function () {
  'use strict';

  function churn(root, r) {
    if (!GS.isObj(r.churn)) return;
    const s = GS.section(root, 'churn', 'Churn', 'Peers leaving and (re)joining during the run.');
    const grid = s.append('div').attr('class', 'charts');
    const trace = GS.isObj(r.churn.trace) ? r.churn.trace : null;
    if (trace && GS.isObj(trace.summary)) traceSessions(grid, trace);
    GS.keyValueTable(grid, r.churn);
  }

  /** A replayed trace (churn.trace): its session-length CDF beside the fitted exponential and Weibull. */
  function traceSessions(grid, trace) {
    const sum = trace.summary;
    const cdf = sum.cdf;
    if (GS.isObj(cdf) && GS.numArray(cdf.x) && cdf.x.length > 1) {
      const pts = (ys) => cdf.x.map((x, k) => [x, ys[k]]).filter((p) => GS.isNum(p[1]));
      const fits = GS.isObj(sum.fits) ? sum.fits : {};
      const w = fits.weibull, e = fits.exponential;
      const series = [{ name: 'trace (empirical)', kind: 'step', color: GS.color(0), points: pts(cdf.empirical) }];
      if (GS.isObj(w)) series.push({ name: `Weibull fit: shape ${GS.fmt(w.shape)}, scale ${GS.dur(w.scale)}`, kind: 'line', color: GS.color(1), points: pts(cdf.weibull) });
      if (GS.isObj(e)) series.push({ name: `exponential fit: mean ${GS.dur(e.mean)}`, kind: 'line', color: GS.color(2), points: pts(cdf.exponential) });
      GS.chart(grid, {
        title: 'Session lengths in the trace: empirical CDF and maximum-likelihood fits',
        x: { label: 'session length (trace seconds, log scale)', type: 'log', tipFormat: GS.dur },
        y: { label: 'sessions no longer than x', percent: true, domain: [0, 1] },
        series,
        note: `${GS.fmt(sum.sessions)} sessions of ${GS.fmt(sum.peers)} peers in ${sum.file}; replayed with time × ${GS.fmt(trace.scale)} from trace time ${GS.dur(trace.offset)}${trace.loop ? ', looped' : ''}. A Weibull shape below 1 means many short sessions beside a few very long ones.`,
      });
    }
    const rows = {};
    for (const k of ['peers', 'stablePeers', 'sessions', 'maxOnline', 'meanOnline']) {
      const v = k in trace ? trace[k] : sum[k];
      if (GS.isNum(v)) rows[`trace ${k}`] = v;
    }
    if (GS.isObj(sum.sessionLength)) {
      rows['trace session mean (s)'] = sum.sessionLength.mean;
      for (const [q, v] of Object.entries(sum.sessionLength.quantiles || {})) rows[`trace session ${q} (s)`] = v;
    }
    GS.keyValueTable(grid, rows);
  }

  GS.family('churn', { label: 'churn', draw: (root, r) => churn(root, r) });
})();
