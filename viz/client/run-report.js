/*
 * gossipsim report, client side (3/6): the sections of a single run's report, each drawn
 * only when its part of the results is present: each family's, in the registry's reading
 * order (a renderer of its own in FAMILY_RENDERERS, or the section its descriptor describes
 * as data), then the overlay's degrees and the time series.
 */
/* global GS */
(function () {
  'use strict';

  const TIME = 'time (s)';

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
  const capitalised = (text) => text.charAt(0).toUpperCase() + text.slice(1);
  /** Tick labels of a log axis of fractions: 10%, 1%, 0.1%, 0.01%, 1e−5%. */
  const logPercent = (v) => {
    const p = v * 100;
    return (p >= 0.01 ? GS.fmt(p) : p.toExponential(0).replace('-', '−')) + '%';
  };

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
        x: { label: TIME, tipFormat: GS.dur },
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

  /**
   * [label, figures] per search: one per workload.searches entry when the results split
   * them (bySearch), labelled by protocol and whatever parameters tell them apart; else
   * one per protocol (byProtocol); else the whole.
   */
  function searchEntries(r, sr) {
    const specs = (r.scenario && r.scenario.workload && Array.isArray(r.scenario.workload.searches)) ? r.scenario.workload.searches : [];
    if (Array.isArray(sr.bySearch) && sr.bySearch.length > 1 && sr.bySearch.every(GS.isObj)) {
      const params = ['ttl', 'walkers', 'checkEvery', 'ringStart', 'ringStep'];
      return sr.bySearch.map((v, i) => {
        const spec = specs[i] || {};
        const protocol = v.protocol || spec.protocol || `search ${i + 1}`;
        const same = specs.filter((o) => o.protocol === protocol);
        const differ = params.filter((k) => same.some((o) => o[k] !== spec[k]));
        return [differ.length ? `${protocol} (${differ.map((k) => `${GS.words(k)} ${spec[k]}`).join(', ')})` : protocol, v];
      }).map((e, i, all) => (all.filter((o) => o[0] === e[0]).length > 1 ? [`${e[0]} #${i + 1}`, e[1]] : e));
    }
    if (GS.isObj(sr.byProtocol) && Object.keys(sr.byProtocol).length) return Object.entries(sr.byProtocol).filter(([, v]) => GS.isObj(v));
    return [[(specs[0] && specs[0].protocol) || 'all queries', sr]];
  }

  function searches(root, r) {
    const sr = r.searches;
    if (!GS.isObj(sr)) return;
    const s = GS.section(root, 'searches', 'Search',
      'What each search protocol found and what it cost. Every message counts, duplicates and answers included.');
    const entries = searchEntries(r, sr);
    const pts = entries.filter(([, v]) => GS.isNum(v.messagesPerQuery) && GS.isNum(v.successRate));
    if (pts.length) {
      const xs = pts.map(([, v]) => v.messagesPerQuery).filter((v) => v > 0);
      const logX = xs.length > 1 && Math.max(...xs) / Math.min(...xs) >= 10;
      const charts = s.append('div').attr('class', 'charts');
      GS.chart(charts, {
        title: 'Success rate against cost',
        x: { label: 'messages per query', type: logX ? 'log' : 'linear' },
        y: { label: 'queries that found the item (%)', percent: true, domain: [0, 1] },
        series: pts.map(([name, v], i) => ({
          name, kind: 'points', labels: pts.length === 1, color: GS.color(i + 2), points: [[v.messagesPerQuery, v.successRate, name]],
          tip: () => [`success ${GS.pct(v.successRate)}`, `${GS.fmt(v.messagesPerQuery)} messages per query`,
            GS.isNum(v.peersProbedPerQuery) ? `${GS.fmt(v.peersProbedPerQuery)} peers probed per query` : '',
            GS.isNum(v.meanHopsToHit) ? `${GS.fmt(v.meanHopsToHit)} hops to the first hit` : ''].filter(Boolean),
        })),
        legend: pts.length > 1,
        note: 'Up and to the left is better: more queries answered for fewer messages.',
      });
      const withHops = pts.filter(([, v]) => GS.isNum(v.meanHopsToHit));
      if (withHops.length > 1) {
        GS.chart(charts, {
          title: 'Hops to the first hit',
          x: { label: 'protocol', type: 'point', values: withHops.map(([n]) => n) },
          y: { label: 'mean hops to the first hit' },
          series: withHops.map(([name, v], i) => ({ name, kind: 'points', color: GS.color(i + 2), points: [[name, v.meanHopsToHit]],
            tip: () => [`${GS.fmt(v.meanHopsToHit)} hops`, GS.isNum(v.meanTimeToHit) ? `${GS.dur(v.meanTimeToHit)} to the first hit` : ''].filter(Boolean) })),
          legend: false,
        });
      }
    }
    const fields = ['queries', 'successRate', 'messagesPerQuery', 'peersProbedPerQuery', 'meanHopsToHit', 'meanTimeToHit', 'queryMessages', 'answerMessages'];
    const present = fields.filter((f) => entries.some(([, v]) => v[f] !== undefined));
    GS.table(s, [['protocol', (e) => e[0]]].concat(present.map((f) => [GS.words(f), (e) => {
      const v = e[1][f];
      if (!GS.isNum(v)) return '–';
      return f === 'successRate' ? GS.pct(v) : f === 'meanTimeToHit' ? GS.dur(v) : GS.fmt(v);
    }])), entries);
  }

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
      x: { label: TIME, tipFormat: GS.dur },
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

  function churn(root, r) {
    if (!GS.isObj(r.churn)) return;
    const s = GS.section(root, 'churn', 'Churn', 'Peers leaving and (re)joining during the run.');
    const grid = s.append('div').attr('class', 'charts');
    const trace = GS.isObj(r.churn.trace) ? r.churn.trace : null;
    if (trace && GS.isObj(trace.summary)) traceSessions(grid, trace);
    keyValueTable(grid, r.churn);
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
    keyValueTable(grid, rows);
  }

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
    keyValueTable(grid, c, ['completionTimes']);
  }

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

  /**
   * The families whose section this client draws itself, by family name (the registry's,
   * sim/families/registry.ts), each with the words an error names it by. A family without
   * an entry here draws through its data section, or only in the time series.
   */
  const FAMILY_RENDERERS = {
    broadcast: ['broadcasts', (root, r, derived, drawn) => {
      broadcasts(root, r, derived);
      (r.broadcasts || []).forEach((b, i) => drawn.add(`informed[${i}]`));
      if (GS.hasSpreadTrace(r)) GS.renderSpread(root, r);
    }],
    search: ['searches', (root, r) => searches(root, r)],
    failures: ['resilience', (root, r, derived, drawn) => {
      resilience(root, r);
      if (Array.isArray(r.resilience) && r.resilience.length) drawn.add('largestComponentFraction');
    }],
    churn: ['churn', (root, r) => churn(root, r)],
    capacity: ['capacity', (root, r) => capacity(root, r)],
  };

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
    const order = Array.isArray(derived.families) ? derived.families : Object.keys(FAMILY_RENDERERS);
    for (const name of order) {
      const own = Object.prototype.hasOwnProperty.call(FAMILY_RENDERERS, name) ? FAMILY_RENDERERS[name] : null;
      if (own) guard(own[0], () => own[1](root, r, derived, drawn));
      if (data.has(name)) guard(`the ${name} section`, () => dataSection(root, data.get(name)));
    }
    guard('the overlay', () => degrees(root, r, derived));
    guard('the time series', () => timeSeries(root, r, drawn));
  };
})();
