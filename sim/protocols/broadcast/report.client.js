/*
 * The broadcast family's section of the run report (client side; viz/assets.ts inlines it
 * after run-report.js): informed peers over time beside the mean-field theory, and a table.
 */
/* global GS */
(function () {
  'use strict';

  /** The informed fraction over time of broadcast i, from its timeline or the time series. */
  function informedCurve(r, b, i) {
    let time = null;
    let values = null;
    if (GS.isObj(b.timeline) && GS.numArray(b.timeline.time)) {
      time = b.timeline.time;
      values = b.timeline.informed || b.timeline.fraction || b.timeline.informedFraction;
    } else if (r.series && GS.numArray(r.series[`informed[${i}]`])) {
      time = r.series.time;
      values = r.series[`informed[${i}]`];
    }
    if (!time || !GS.numArray(values)) return null;
    let max = 0;
    for (const v of values) if (v !== null && v > max) max = v;
    // Counts are turned into fractions of the peers alive at the end of the broadcast.
    const scale = max > 1 + 1e-9 ? 1 / (b.alive || (r.overlay && r.overlay.peers) || max) : 1;
    const pts = [];
    for (let k = 0; k < time.length; k++) pts.push([time[k], values[k] === null ? null : values[k] * scale]);
    return pts;
  }

  function broadcasts(root, r, derived) {
    const list = Array.isArray(r.broadcasts) ? r.broadcasts : [];
    if (!list.length) return;
    const s = GS.section(root, 'broadcasts', 'Rumour spreading',
      'How fast each broadcast reached the peers. Coverage counts the peers alive at the end of the broadcast.');
    const charts = s.append('div').attr('class', 'charts single');
    const nameOf = (b, i) => (list.length > 1 ? `#${i + 1} ${b.protocol} (from peer ${b.origin})` : `${b.protocol} from peer ${b.origin}`);
    const series = [];
    const theories = new Map();
    list.forEach((b, i) => {
      const pts = informedCurve(r, b, i);
      if (pts) series.push({ name: nameOf(b, i), kind: 'line', points: pts, color: GS.color(i) });
      const th = derived.broadcastTheory && derived.broadcastTheory[i];
      if (th) {
        const key = JSON.stringify(th);
        if (!theories.has(key)) theories.set(key, { th, index: i });
      }
    });
    const rules = [];
    const theorySeries = [];
    for (const { th, index } of theories.values()) {
      const suffix = theories.size > 1 ? ` for #${index + 1}` : '';
      if (th.points) theorySeries.push({ name: th.label + suffix, kind: 'line', theory: true, points: th.points });
      else if (GS.isNum(th.level)) rules.push({ axis: 'y', value: th.level, label: th.label + suffix });
    }
    if (series.length) {
      GS.chart(charts, {
        title: 'Informed peers over time',
        wide: true,
        x: { label: GS.TIME, tipFormat: GS.dur },
        y: { label: 'informed peers (% of alive)', percent: true, domain: [0, 1] },
        series: series.concat(theorySeries),
        rules,
        legend: true,
        note: theorySeries.length || rules.length
          ? 'Dashed: the mean-field expectation for gossip with uniformly random targets (large n), one round per gossip period, each round landing one mean latency after its tick (two for pull). Gossip over overlay neighbours and flooding depend on the graph and have no such curve.'
          : undefined,
      });
    }
    // Broadcasts started at different times compare best side by side from their starts.
    const starts = new Set(list.map((b) => b.start));
    if (series.length > 1 && starts.size > 1) {
      const shift = (pts, start) => pts.map((d) => [d[0] - start, d[1]]);
      const aligned = [];
      list.forEach((b, i) => {
        const pts = informedCurve(r, b, i);
        if (pts) aligned.push({ name: nameOf(b, i), kind: 'line', color: GS.color(i), points: shift(pts, b.start || 0) });
      });
      const seen = new Set();
      list.forEach((b, i) => {
        const th = derived.broadcastTheory && derived.broadcastTheory[i];
        if (!th || !th.points) return;
        const pts = shift(th.points, b.start || 0);
        const key = JSON.stringify(pts);
        if (seen.has(key)) return;
        seen.add(key);
        aligned.push({ name: th.label + (theories.size > 1 ? ` for #${i + 1}` : ''), kind: 'line', theory: true, points: pts });
      });
      GS.chart(charts, {
        title: 'Informed peers against time since each broadcast started',
        wide: true,
        x: { label: 'time since the broadcast started (s)', tipFormat: GS.dur, domain: [0, null] },
        y: { label: 'informed peers (% of alive)', percent: true, domain: [0, 1] },
        series: aligned,
        rules: rules.map((rule) => Object.assign({}, rule)),
        legend: true,
      });
    }
    GS.table(s, [
      ['#', (b) => String(list.indexOf(b) + 1)],
      ['protocol', (b) => b.protocol],
      ['origin', (b) => GS.fmt(b.origin)],
      ['start', (b) => GS.dur(b.start)],
      ['coverage', (b) => GS.pct(b.coverage)],
      ['reached / alive', (b) => `${GS.fmt(b.reached)} / ${GS.fmt(b.alive)}`],
      ['rounds', (b) => (GS.isNum(b.rounds) ? GS.fmt(b.rounds) : '–')],
      ['completion', (b) => (GS.isNum(b.completionTime) ? GS.dur(b.completionTime) : '–')],
      ['messages', (b) => GS.fmt(b.messages)],
      ['duplicates', (b) => GS.fmt(b.duplicates)],
      ['messages per peer', (b) => (b.reached > 0 ? GS.fmt(b.messages / b.reached) : '–')],
    ], list);
  }

  /** Its spread traces for the overlay view (spread-view.js): every broadcast with a trace. */
  function spreadTraces(r) {
    const out = [];
    (Array.isArray(r.broadcasts) ? r.broadcasts : []).forEach((b, i) => {
      if (Array.isArray(b.trace) && b.trace.length) {
        out.push({ label: `Broadcast #${i + 1}: ${b.protocol} from peer ${b.origin}`, noun: 'informed', entries: b.trace, origin: b.origin, start: b.start });
      }
    });
    return out;
  }

  GS.family('broadcast', {
    label: 'broadcasts',
    draw(root, r, derived, drawn) {
      broadcasts(root, r, derived);
      (r.broadcasts || []).forEach((b, i) => drawn.add(`informed[${i}]`));
      if (GS.hasSpreadTrace(r)) GS.renderSpread(root, r);
    },
    spreadTraces,
  });
})();
