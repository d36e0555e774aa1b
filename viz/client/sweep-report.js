/*
 * gossipsim report, client side (5/6): the report of a sweep. The metrics that change most
 * across its points (relative to their 95 % intervals) come first, after those the scenario
 * highlights; constant ones go to a table and the rest follow, folded. Each band is the
 * interval the sweep computed for the metric's domain (docs/sweep-statistics.md).
 */
/* global GS */
(function () {
  'use strict';

  /** The sections of the results that are no family's (the families' come in `derived.sections`). */
  const CORE_TITLES = { overlay: 'The overlay', engine: 'Engine', series: 'Over time' };
  const METHOD_TEXT = {
    wilson: 'Wilson score interval',
    'logit-t': 'Student t on the logit scale',
    'logit-t-squeezed': 'Student t on the logit scale, values at 0 or 1 squeezed',
    'log-t': 'Student t on the log scale',
    'log-t-started': 'Student t on log(x + c), some values 0',
    t: 'Student t',
    none: 'none',
  };
  /** Charts in the lead besides the highlighted ones. */
  const LEAD = 4;
  /** A band may widen the y axis by this many times the span of the means, no more. */
  const BAND_REACH = 2;
  /** Below this many replicates the report warns that intervals are wide and unreliable. */
  const FEW_REPLICATES = 5;

  /** Axis of a metric from its declared domain: percent for fractions, seconds for times, never past the domain. */
  function metricAxis(path, domain) {
    const words = GS.words(path.replace(/.*[.\]]/, ''));
    if (domain === 'fraction' || domain === 'proportion') return { label: `${words} (%)`, percent: true, clamp: [0, 1] };
    if (domain === 'time') return { label: `${words} (s)`, tipFormat: GS.dur, clamp: [0, Infinity] };
    if (domain === 'count' || domain === 'nonNegative') return { label: words, clamp: [0, Infinity] };
    return { label: words };
  }

  /** A value as its domain reads: a percentage for fractions and proportions, a duration for times. */
  function formatValue(domain, v) {
    if (domain === 'fraction' || domain === 'proportion') return GS.pct(v);
    if (domain === 'time') return GS.dur(v);
    return GS.fmt(v);
  }

  /** "broadcasts[0].rounds" -> "Rounds — broadcast #1"; "searches.byProtocol.flood.successRate" -> "Success rate — flood". */
  function metricTitle(path) {
    const parts = path.split('.');
    const leaf = parts.pop();
    const where = parts.map((p) => {
      const m = /^(\w+)\[(\d+)\]$/.exec(p);
      if (m) return `${m[1].replace(/s$/, '')} #${Number(m[2]) + 1}`;
      return p === 'byProtocol' ? null : p;
    }).filter(Boolean).slice(1);
    const lead = GS.words(leaf);
    return where.length ? `${lead[0].toUpperCase()}${lead.slice(1)} — ${where.join(', ')}` : `${lead[0].toUpperCase()}${lead.slice(1)}`;
  }

  const label = (path) => path.split('.').pop();
  const isNumber = (v) => typeof v === 'number' && Number.isFinite(v);
  const halfWidth = (m) => (isNumber(m.low) && isNumber(m.high) ? (m.high - m.low) / 2 : 0);

  /**
   * How clearly a metric changes across the points: the largest difference of two points'
   * means over the combined half-widths of their intervals (Infinity when both are exact).
   */
  function separation(all) {
    // A large sweep compares only its 20 lowest and 20 highest means (the pairs that can differ most).
    const sorted = all.length > 200 ? all.slice().sort((a, b) => a.mean - b.mean) : null;
    const summaries = sorted ? sorted.slice(0, 20).concat(sorted.slice(-20)) : all;
    let best = 0;
    for (let i = 0; i < summaries.length; i++) {
      for (let j = i + 1; j < summaries.length; j++) {
        const a = summaries[i], b = summaries[j];
        const diff = Math.abs(a.mean - b.mean);
        if (diff === 0) continue;
        const spread = Math.hypot(halfWidth(a), halfWidth(b));
        best = Math.max(best, spread === 0 ? Infinity : diff / spread);
      }
    }
    return best;
  }

  GS.renderSweep = function (root, s, derived) {
    const points = Array.isArray(s.points) ? s.points : [];
    const vary = (Array.isArray(s.vary) ? s.vary : []).filter((v) => Array.isArray(v.values));
    if (!points.length || !vary.length) {
      root.append('p').text('This sweep has no points yet.');
      return;
    }
    const replicates = s.replicates;
    const domains = s.domains || {};
    const domainOf = (m) => domains[m] || 'real';
    // The x axis: the first varied key with at least two numeric values; else the first key.
    const xKey = (vary.find((v) => v.values.length > 1 && v.values.every(isNumber)) || vary[0]).path;
    const xVary = vary.find((v) => v.path === xKey);
    const numericX = xVary.values.every(isNumber);
    const xs = numericX ? xVary.values.slice().sort((a, b) => a - b) : xVary.values.map(String);
    const logX = numericX && xs[0] > 0 && xs[xs.length - 1] / xs[0] >= 100;
    const others = vary.filter((v) => v.path !== xKey && v.values.length > 1).map((v) => v.path);
    const groupName = (p) => (others.length ? others.map((k) => `${label(k)} = ${p.values[k]}`).join(', ') : 'mean');
    const groups = new Map();
    for (const p of points) {
      const g = groupName(p);
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g).push(p);
    }
    const xOf = (p) => (numericX ? p.values[xKey] : String(p.values[xKey]));
    const xAxis = numericX
      ? { label: `${xKey}${logX ? ' (log scale)' : ''}`, type: logX ? 'log' : 'linear', zero: false }
      : { label: xKey, type: 'point', values: xs };

    if (replicates < FEW_REPLICATES) {
      root.append('p').attr('class', 'caution')
        .text(`Only ${replicates} replicate${replicates === 1 ? '' : 's'} per point: the 95 % intervals are wide, and with so few ` +
          'values their width is itself poorly known. Run --replicates 5 or more (10 is better) before drawing conclusions.');
    }

    // Metrics in first-seen order; inputs (which peer started a broadcast, when) are not outcomes.
    const metrics = [];
    const seen = new Set();
    for (const p of points) for (const k of Object.keys(p.metrics || {})) if (!seen.has(k)) { seen.add(k); metrics.push(k); }
    const summariesOf = (m) => points.map((p) => p.metrics[m]).filter((x) => x && isNumber(x.mean));
    const constant = [];
    const varying = [];
    for (const m of metrics) {
      if (domainOf(m) === 'input') continue;
      const sm = summariesOf(m);
      if (!sm.length) continue;
      // The same at every point, interval and all: the sweep did not move it.
      const same = sm.length === points.length && sm.every((x) => x.mean === sm[0].mean && x.low === sm[0].low && x.high === sm[0].high && x.n === sm[0].n);
      if (same) constant.push(m);
      else varying.push({ m, score: separation(sm), range: relativeRange(sm) });
    }
    varying.sort((a, b) => (b.score - a.score) || (b.range - a.range));
    const highlight = (Array.isArray(s.highlight) ? s.highlight : []).filter((m) => seen.has(m));
    const lead = highlight.concat(varying.filter((v) => !highlight.includes(v.m) && !v.m.startsWith('engine.') && v.score > 0)
      .slice(0, LEAD).map((v) => v.m));
    const rest = varying.map((v) => v.m).filter((m) => !lead.includes(m));

    const chartOf = (charts, m) => metricChart(charts, m, { points, groups, xOf, xs, numericX, xAxis, logX, others, replicates, domain: domainOf(m) });
    const leadPart = GS.section(root, 'sweep-lead', highlight.length ? 'What this sweep is about' : 'What changes most',
      (highlight.length ? 'First the metrics the scenario highlights (metrics.highlight), then those' : 'The metrics') +
      ' whose means differ most between points relative to their 95 % intervals. Each line is the mean over the replicates; the band is the 95 % confidence interval, computed for the metric\'s domain, so it never leaves it.');
    const leadCharts = leadPart.append('div').attr('class', 'charts');
    // A family may lead with a chart of its own (GS.family's sweepLead), drawn from the sweep and its derived part.
    for (const family of Object.values(GS.families)) if (family.sweepLead) family.sweepLead(leadCharts, s, derived, { xKey, logX, highlight });
    for (const m of lead) chartOf(leadCharts, m);

    if (constant.length) {
      const part = GS.section(root, 'sweep-constant', 'Unchanged across the sweep',
        'Metrics that took the same value, with the same interval, at every point.');
      GS.table(part, [
        ['metric', (m) => m],
        ['value', (m) => formatValue(domainOf(m), points[0].metrics[m].mean)],
        ['95 % interval', (m) => intervalText(domainOf(m), points[0].metrics[m])],
        ['method', (m) => METHOD_TEXT[points[0].metrics[m].method] || String(points[0].metrics[m].method || '–')],
        ['replicates with a value', (m) => `${points[0].metrics[m].n} of ${replicates}`],
      ], constant);
    }

    if (rest.length) {
      const part = GS.section(root, 'sweep-more', 'The other metrics',
        `${rest.length} more metric${rest.length === 1 ? ' that changes' : 's that change'} across the sweep, by section, most changed first. Open a section to see its charts.`);
      const bySection = new Map();
      for (const m of rest) {
        const sec = m.split(/[.[]/)[0];
        if (!bySection.has(sec)) bySection.set(sec, []);
        bySection.get(sec).push(m);
      }
      // The families' sections in reading order, then the overlay, others, and the engine last.
      const order = ((derived && derived.sections) || []).map((x) => x.key).concat(['overlay']);
      const titles = Object.assign({}, CORE_TITLES, Object.fromEntries(((derived && derived.sections) || []).map((x) => [x.key, x.title])));
      const rank = (sec) => (order.indexOf(sec) < 0 ? (sec === 'engine' ? 999 : 500) : order.indexOf(sec));
      for (const sec of Array.from(bySection.keys()).sort((a, b) => rank(a) - rank(b))) {
        const fold = part.append('details').attr('class', 'more').attr('id', `sweep-${sec.replace(/\W+/g, '-')}`);
        fold.append('summary').text(`${titles[sec] || GS.words(sec)} (${bySection.get(sec).length})`);
        const charts = fold.append('div').attr('class', 'charts');
        for (const m of bySection.get(sec)) chartOf(charts, m);
      }
    }

    const table = GS.section(root, 'sweep-points', 'Points', 'Every point of the sweep and the seeds of its replicates.');
    GS.table(table, vary.map((v) => [v.path, (p) => String(p.values[v.path])]).concat([
      ['replicates', (p) => String((p.seeds || []).length)],
      ['seeds', (p) => (p.seeds || []).slice(0, 6).join(', ') + ((p.seeds || []).length > 6 ? ', …' : '')],
    ]), points);
  };

  function relativeRange(summaries) {
    const means = summaries.map((x) => x.mean);
    const lo = Math.min(...means), hi = Math.max(...means);
    const scale = Math.max(Math.abs(lo), Math.abs(hi));
    return scale > 0 ? (hi - lo) / scale : 0;
  }

  function intervalText(domain, x) {
    if (!x || !isNumber(x.low) || !isNumber(x.high)) return '–';
    if (x.low === x.high) return 'zero width (every replicate agreed)';
    return `${formatValue(domain, x.low)} – ${formatValue(domain, x.high)}`;
  }

  /** One metric against the varied key: a line per group, its interval as a band, partial replicates labelled. */
  function metricChart(charts, m, o) {
    const { points, groups, xOf, xs, numericX, xAxis, logX, others, replicates, domain } = o;
    const values = points.map((p) => p.metrics[m] && p.metrics[m].mean).filter(isNumber);
    if (!values.length) return;
    const yAxis = metricAxis(m, domain);
    // With a log x axis, a positive metric spanning two decades or more gets a log y axis too.
    const logY = logX && !yAxis.percent && values.length > 1 && values.every((v) => v > 0) &&
      Math.max(...values) / Math.min(...values) >= 100;
    if (logY) Object.assign(yAxis, { type: 'log', label: yAxis.label.endsWith(')') ? `${yAxis.label.slice(0, -1)}, log)` : `${yAxis.label} (log)` });
    const fmt = (v) => formatValue(domain, v);
    let gi = 0;
    const series = [];
    const methods = new Set();
    let partial = 0;
    for (const [name, ps] of groups) {
      const rows = ps.filter((p) => p.metrics[m] && isNumber(p.metrics[m].mean) && (!logY || p.metrics[m].mean > 0))
        .sort((a, b) => (numericX ? xOf(a) - xOf(b) : xs.indexOf(xOf(a)) - xs.indexOf(xOf(b))));
      const color = GS.color(gi++);
      if (!rows.length) continue;
      for (const p of rows) methods.add(p.metrics[m].method);
      const withBand = rows.filter((p) => isNumber(p.metrics[m].low) && isNumber(p.metrics[m].high));
      const hasBand = withBand.some((p) => p.metrics[m].high > p.metrics[m].low);
      const notes = rows.filter((p) => p.metrics[m].n < replicates).map((p) => [xOf(p), p.metrics[m].mean, `${p.metrics[m].n}/${replicates}`]);
      partial += notes.length;
      series.push({
        name, kind: 'line', dots: true, color,
        points: rows.map((p) => [xOf(p), p.metrics[m].mean, p.metrics[m]]),
        band: hasBand ? withBand.map((p) => [xOf(p), p.metrics[m].low, p.metrics[m].high]) : undefined,
        notes,
        tipValue: (d) => {
          const x = d[2];
          const iv = isNumber(x.low) && isNumber(x.high) ? ` [${fmt(x.low)}, ${fmt(x.high)}]` : '';
          return `${fmt(x.mean)}${iv}${x.n < replicates ? `, ${x.n} of ${replicates} replicates had a value` : ''}`;
        },
      });
    }
    if (!series.length) return;
    const missing = points.filter((p) => !p.metrics[m] || !isNumber(p.metrics[m].mean)).length;
    const how = Array.from(methods).filter((x) => x && x !== 'none').map((x) => METHOD_TEXT[x] || x);
    // A band far wider than the lines' own span would flatten them: it runs off the chart instead.
    const means = series.flatMap((x) => x.points.map((p) => p[1]));
    const lo = Math.min(...means), hi = Math.max(...means);
    const span = hi > lo ? hi - lo : Math.abs(hi) || 1;
    const offChart = !logY && series.some((x) => (x.band || []).some((b) => b[1] < lo - BAND_REACH * span || b[2] > hi + BAND_REACH * span));
    GS.chart(charts, {
      title: metricTitle(m),
      x: xAxis,
      y: Object.assign({ zero: false, bandReach: logY ? undefined : BAND_REACH }, yAxis),
      series,
      legend: others.length > 0,
      note: `${m} · 95 % interval: ${how.length ? how.join('; ') : 'none'}` +
        (offChart ? ' · some intervals are wider than the chart and run off its edge (hover for their bounds)' : '') +
        (partial ? ` · a label n/${replicates} marks a point where only n replicates had a value (the mean is over those)` : '') +
        (missing ? ` · ${missing} point${missing === 1 ? '' : 's'} where no replicate had a value ${missing === 1 ? 'is' : 'are'} not drawn` : ''),
    });
  }
})();
