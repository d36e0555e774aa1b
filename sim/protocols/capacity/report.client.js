/*
 * The capacity family's section of the run report (client side; viz/assets.ts inlines it
 * after run-report.js): peers complete over time against the lower bound, and its figures.
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

  GS.family('capacity', { label: 'capacity', draw: (root, r) => capacity(root, r) });
})();
