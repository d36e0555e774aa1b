/*
 * The failures family's section of the run report (client side; viz/assets.ts inlines it
 * after run-report.js): the largest component over time and against peers removed.
 */
/* global GS */
(function () {
  'use strict';

  function resilience(root, r) {
    const list = Array.isArray(r.resilience) ? r.resilience.filter(GS.isObj) : [];
    if (!list.length) return;
    const s = GS.section(root, 'resilience', 'Resilience',
      'The largest connected component of the overlay, as a fraction of the peers alive just before each failure.');
    const charts = s.append('div').attr('class', 'charts');
    const series = [];
    const lcf = r.series && GS.numArray(r.series.largestComponentFraction) ? r.series.largestComponentFraction : null;
    if (lcf) series.push({ name: 'largest component (sampled)', kind: 'line', color: GS.color(0), points: r.series.time.map((t, k) => [t, lcf[k]]) });
    list.forEach((f, i) => {
      const rec = f.recovery;
      if (GS.isObj(rec) && GS.numArray(rec.time) && GS.numArray(rec.largestComponentFraction)) {
        // Recovery times are counted from the failure when they start before it.
        const offset = GS.isNum(f.at) && rec.time.length && rec.time[0] < f.at - 1e-9 ? f.at : 0;
        series.push({ name: `recovery after #${i + 1} (of live peers)`, kind: 'line', color: GS.color(i + 1),
          points: rec.time.map((t, k) => [t + offset, rec.largestComponentFraction[k]]) });
      }
    });
    const label = (f) => `${f.target === 'degree' ? 'attack' : f.target || 'failure'}`;
    series.push({
      name: 'right after each failure', kind: 'points', color: 'var(--fg)',
      points: list.filter((f) => GS.isNum(f.at) && GS.isNum(f.largestComponentFraction)).map((f) => [f.at, f.largestComponentFraction]),
      tip: (d) => {
        const f = list.find((x) => x.at === d[0] && x.largestComponentFraction === d[1]) || {};
        return [`${label(f)} at ${GS.dur(f.at)}`, `${GS.fmt(f.removed)} peers removed`, `largest component ${GS.pct(f.largestComponentFraction)}`];
      },
    });
    GS.chart(charts, {
      title: 'Largest component over time',
      x: { label: GS.TIME, tipFormat: GS.dur },
      y: { label: 'largest component (fraction)', percent: true, domain: [0, 1.02] },
      series,
      rules: list.filter((f) => GS.isNum(f.at)).map((f, i) => ({ axis: 'x', value: f.at, label: `#${i + 1} ${label(f)}`, row: i % 3 })),
      legend: true,
    });
    if (list.length >= 2) {
      // Cumulative share of the initial peers removed, per target strategy.
      const initial = (r.overlay && r.overlay.peers) || (r.scenario && r.scenario.peers && r.scenario.peers.count) || 0;
      const groups = new Map();
      let removed = 0;
      for (const f of list.slice().sort((a, b) => (a.at || 0) - (b.at || 0))) {
        removed += GS.isNum(f.removed) ? f.removed : 0;
        const key = f.target === 'degree' ? 'targeted (highest degree first)' : f.target === 'random' || !f.target ? 'random' : String(f.target);
        if (!groups.has(key)) groups.set(key, []);
        const x = initial > 0 ? removed / initial : GS.isNum(f.fraction) ? f.fraction : null;
        groups.get(key).push([x, f.largestComponentFraction]);
      }
      let other = 2;
      const colorOf = (name) => (name === 'random' ? GS.color(0) : name.startsWith('targeted') ? GS.color(1) : GS.color(other++));
      GS.chart(charts, {
        title: 'Largest component against peers removed',
        x: { label: 'peers removed so far (% of initial peers)', percent: true, domain: [0, null] },
        y: { label: 'largest component (fraction)', percent: true, domain: [0, 1.02] },
        series: Array.from(groups, ([name, pts]) => ({ name, kind: 'line', dots: true, color: colorOf(name), points: pts })),
        legend: true,
        note: 'A targeted attack removes the best-connected peers first; scale-free overlays fall apart much sooner under it than under random failures.',
      });
    }
    GS.table(s, [
      ['#', (f) => String(list.indexOf(f) + 1)],
      ['at', (f) => GS.dur(f.at)],
      ['target', (f) => String(f.target || '–')],
      ['alive before', (f) => GS.fmt(f.aliveBefore)],
      ['removed', (f) => GS.fmt(f.removed)],
      ['fraction', (f) => (GS.isNum(f.fraction) ? GS.pct(f.fraction) : GS.isNum(f.aliveBefore) && f.aliveBefore > 0 ? GS.pct(f.removed / f.aliveBefore) : '–')],
      ['largest component', (f) => GS.pct(f.largestComponentFraction)],
    ], list);
  }

  GS.family('failures', {
    label: 'resilience',
    draw(root, r, derived, drawn) {
      resilience(root, r);
      if (Array.isArray(r.resilience) && r.resilience.length) drawn.add('largestComponentFraction');
    },
  });
})();
