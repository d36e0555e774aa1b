/*
 * The capacity family's section of the run report (client side; viz/assets.ts inlines it
 * after run-report.js): peers complete over time against the lower bound, and its figures;
 * and in a sweep report over N, distribution time against N with each mode's bound.
 */
/* global GS */
(function () {
  'use strict';

  function capacity(root, r) {
    const c = r.capacity;
    if (!GS.isObj(c)) return;
    const s = GS.section(root, 'capacity', 'File distribution',
      `How long it took to get the file to every peer (${c.mode || 'capacity'} mode), against the best any schedule could do.`);
    const grid = s.append('div').attr('class', 'charts');
    const times = Array.isArray(c.completionTimes) ? c.completionTimes.filter(GS.isNum).slice().sort((a, b) => a - b) : [];
    if (times.length) {
      const n = GS.isNum(c.peers) && c.peers >= times.length ? c.peers : times.length;
      // completionTimes may hold evenly spaced ranks only (completionTimesSampled): entry k
      // then stands for rank (k + 1) / length of the `completed` peers.
      const completed = GS.isNum(c.completed) && c.completed >= times.length ? c.completed : times.length;
      const pts = [[0, 0]];
      times.forEach((t, k) => pts.push([t, ((k + 1) / times.length) * (completed / n)]));
      const rules = [];
      if (GS.isNum(c.lowerBound)) rules.push({ axis: 'x', value: c.lowerBound, label: `lower bound ${GS.dur(c.lowerBound)}` });
      if (GS.isNum(c.distributionTime)) rules.push({ axis: 'x', value: c.distributionTime, label: `last peer ${GS.dur(c.distributionTime)}`, row: 1 });
      GS.chart(grid, {
        title: 'Peers that have the whole file',
        x: { label: 'time since the start (s)', tipFormat: GS.dur, domain: [0, null] },
        y: { label: 'peers complete (% of peers)', percent: true, domain: [0, 1] },
        series: [{ name: `${c.mode || ''} completion`.trim(), kind: 'step', color: GS.color(5), points: GS.thin(pts, 2000) }],
        rules,
        note: completed < n ? `${GS.fmt(n - completed)} of ${GS.fmt(n)} peers never completed (they left, or time ran out).` : undefined,
      });
    }
    GS.keyValueTable(grid, c, ['completionTimes']);
  }

  /** Distribution time against N for each mode, with each mode's lower bound dashed. */
  function sweepLead(charts, s, derived, { xKey, logX, highlight }) {
    if (highlight.length && !highlight.some((m) => m.startsWith('capacity.'))) return;
    const bounds = (derived && derived.capacityBounds) || [];
    if (xKey !== 'peers.count' || !bounds.length) return;
    const modes = new Map();
    for (const p of s.points) {
      const mode = String(p.values['capacity.mode'] || (s.scenario && s.scenario.capacity && s.scenario.capacity.mode) || 'p2p');
      const m = p.metrics['capacity.distributionTime'];
      if (!m || !GS.isNum(m.mean)) continue;
      if (!modes.has(mode)) modes.set(mode, []);
      modes.get(mode).push(p);
    }
    // The same colour per mode as in the other charts, where modes are the line groups.
    const modeAxis = s.vary.find((v) => v.path === 'capacity.mode');
    const modeOrder = modeAxis ? modeAxis.values.map(String) : ['client-server', 'p2p'];
    const color = (mode) => GS.color(Math.max(0, modeOrder.indexOf(mode)));
    const series = [];
    for (const [mode, ps] of modes) {
      // One line per mode: where another key is varied too, its points' means and bounds are averaged.
      const byN = new Map();
      for (const p of ps) {
        const n = p.values['peers.count'];
        if (!byN.has(n)) byN.set(n, []);
        byN.get(n).push(p.metrics['capacity.distributionTime']);
      }
      const avg = (ms, f) => ms.reduce((a, m) => a + f(m), 0) / ms.length;
      const rows = Array.from(byN, ([n, ms]) => [n, avg(ms, (m) => m.mean),
        ms.every((m) => GS.isNum(m.low) && GS.isNum(m.high)) ? [avg(ms, (m) => m.low), avg(ms, (m) => m.high)] : null])
        .sort((a, b) => a[0] - b[0]);
      const banded = rows.filter((r) => r[2]);
      series.push({ name: `${mode} (simulated)`, kind: 'line', dots: true, color: color(mode), points: rows.map((r) => [r[0], r[1]]),
        band: banded.some((r) => r[2][1] > r[2][0]) ? banded.map((r) => [r[0], r[2][0], r[2][1]]) : undefined });
    }
    for (const b of bounds) {
      series.push({ name: b.label, kind: 'line', theory: true, color: color(b.mode), points: b.points });
    }
    const ys = series.flatMap((x) => x.points.map((p) => p[1])).filter((v) => v > 0);
    const logY = logX && ys.length && Math.max(...ys) / Math.min(...ys) >= 100;
    GS.chart(charts, {
      title: 'Distribution time against the number of peers',
      x: { label: `peers N${logX ? ' (log scale)' : ''}`, type: logX ? 'log' : 'linear', zero: false },
      y: { label: `distribution time (s${logY ? ', log' : ''})`, type: logY ? 'log' : 'linear', tipFormat: GS.dur, clamp: [0, Infinity] },
      series,
      legend: true,
      note: 'Client-server time grows linearly with N (the server uploads every copy); P2P levels off because every new peer also uploads. Dashed: the lower bounds of Kurose & Ross §2.5.',
    });
  }

  GS.family('capacity', { label: 'capacity', draw: (root, r) => capacity(root, r), sweepLead });
})();
