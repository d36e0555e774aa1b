/*
 * gossipsim report, client side (5/6): the report of a sweep. One chart per numeric
 * metric against the varied key, one line per combination of the other varied keys,
 * the 95% confidence interval of the mean as a band; for capacity sweeps, distribution
 * time against the peer count for both modes with both lower bounds.
 */
/* global GS */
(function () {
  'use strict';

  const SECTION_TITLES = {
    broadcasts: 'Rumour spreading', searches: 'Search', resilience: 'Resilience', churn: 'Churn',
    capacity: 'File distribution', overlay: 'The overlay', engine: 'Engine', series: 'Over time',
  };

  /** Unit and formatting of a metric, guessed from its last name segment and values. */
  function metricAxis(path, values) {
    const leaf = path.replace(/.*[.\]]/, '');
    const words = GS.words(leaf);
    const inUnit = values.every((v) => v >= 0 && v <= 1);
    if (/coverage|fraction|rate$|utili[sz]ation|ratio|^all/i.test(leaf) && inUnit) return { label: `${words} (%)`, percent: true };
    if (/time|seconds|bound$|^start$|^at$/i.test(leaf)) return { label: `${words} (s)`, tipFormat: GS.dur };
    return { label: words };
  }

  /** "broadcasts[0].rounds" -> "rounds — broadcast #1"; "searches.byProtocol.flood.successRate" -> "success rate — flood". */
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

  GS.renderSweep = function (root, s, derived) {
    const points = Array.isArray(s.points) ? s.points : [];
    const vary = (Array.isArray(s.vary) ? s.vary : []).filter((v) => Array.isArray(v.values));
    if (!points.length || !vary.length) {
      root.append('p').text('This sweep has no points yet.');
      return;
    }
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

    // Metrics in first-seen order, split into those that vary and those that do not.
    const metrics = [];
    const seen = new Set();
    for (const p of points) for (const k of Object.keys(p.metrics || {})) if (!seen.has(k)) { seen.add(k); metrics.push(k); }
    const constant = [];
    const varying = [];
    // Identifiers and inputs (which peer started a broadcast, when) are not outcomes.
    const identifier = (m) => /(^|\.)(origin|id|spec|start|at|seed)$/.test(m);
    for (const m of metrics) {
      if (identifier(m)) continue;
      const vals = points.map((p) => p.metrics[m] && p.metrics[m].mean).filter(isNumber);
      if (vals.length && vals.every((v) => v === vals[0]) && points.every((p) => !p.metrics[m] || !p.metrics[m].ci95)) constant.push(m);
      else if (vals.length) varying.push(m);
    }

    const bySection = new Map();
    for (const m of varying) {
      const sec = m.split(/[.[]/)[0];
      if (!bySection.has(sec)) bySection.set(sec, []);
      bySection.get(sec).push(m);
    }
    const order = ['capacity', 'broadcasts', 'searches', 'resilience', 'churn', 'overlay'];
    const sections = Array.from(bySection.keys()).sort((a, b) => {
      const ia = order.indexOf(a) < 0 ? (a === 'engine' ? 99 : 50) : order.indexOf(a);
      const ib = order.indexOf(b) < 0 ? (b === 'engine' ? 99 : 50) : order.indexOf(b);
      return ia - ib;
    });

    for (const sec of sections) {
      const part = GS.section(root, `sweep-${sec.replace(/\W+/g, '-')}`, SECTION_TITLES[sec] || GS.words(sec),
        `Each line is the mean over ${s.replicates} replicate${s.replicates === 1 ? '' : 's'}; the band is its 95 % confidence interval.`);
      const charts = part.append('div').attr('class', 'charts');
      if (sec === 'capacity') capacityChart(charts, s, derived, xKey, logX);
      for (const m of bySection.get(sec)) {
        const values = points.map((p) => p.metrics[m] && p.metrics[m].mean).filter(isNumber);
        const yAxis = metricAxis(m, values);
        // With a log x axis, a positive metric spanning two decades or more gets a log y axis too.
        const logY = logX && !yAxis.percent && values.length > 1 && values.every((v) => v > 0) &&
          Math.max(...values) / Math.min(...values) >= 100;
        if (logY) Object.assign(yAxis, { type: 'log', label: yAxis.label.endsWith(')') ? `${yAxis.label.slice(0, -1)}, log)` : `${yAxis.label} (log)` });
        let gi = 0;
        const series = [];
        for (const [name, ps] of groups) {
          const rows = ps.filter((p) => p.metrics[m] && isNumber(p.metrics[m].mean) && (!logY || p.metrics[m].mean > 0))
            .sort((a, b) => (numericX ? xOf(a) - xOf(b) : xs.indexOf(xOf(a)) - xs.indexOf(xOf(b))));
          const color = GS.color(gi++);
          if (!rows.length) continue;
          const hasBand = rows.some((p) => p.metrics[m].ci95 > 0);
          series.push({
            name, kind: 'line', dots: true, color,
            points: rows.map((p) => [xOf(p), p.metrics[m].mean]),
            band: hasBand ? rows.map((p) => [xOf(p), p.metrics[m].mean - p.metrics[m].ci95, p.metrics[m].mean + p.metrics[m].ci95]) : undefined,
          });
        }
        if (!series.length) continue;
        GS.chart(charts, {
          title: metricTitle(m),
          x: xAxis,
          y: Object.assign({ zero: false }, yAxis),
          series,
          legend: others.length > 0,
          note: m,
        });
      }
    }

    if (constant.length) {
      const part = GS.section(root, 'sweep-constant', 'Unchanged across the sweep', 'Metrics that took the same value at every point.');
      GS.table(part, [['metric', (m) => m], ['value', (m) => GS.fmt(points[0].metrics[m].mean)]], constant);
    }
    const table = GS.section(root, 'sweep-points', 'Points', 'Every point of the sweep and the seeds of its replicates.');
    GS.table(table, vary.map((v) => [v.path, (p) => String(p.values[v.path])]).concat([
      ['replicates', (p) => String((p.seeds || []).length)],
      ['seeds', (p) => (p.seeds || []).slice(0, 6).join(', ') + ((p.seeds || []).length > 6 ? ', …' : '')],
    ]), points);
  };

  /** Distribution time against N for each mode, with each mode's lower bound dashed. */
  function capacityChart(charts, s, derived, xKey, logX) {
    const bounds = (derived && derived.capacityBounds) || [];
    if (xKey !== 'peers.count' || !bounds.length) return;
    const modes = new Map();
    for (const p of s.points) {
      const mode = String(p.values['capacity.mode'] || (s.scenario && s.scenario.capacity && s.scenario.capacity.mode) || 'p2p');
      const m = p.metrics['capacity.distributionTime'];
      if (!m || !isNumber(m.mean)) continue;
      if (!modes.has(mode)) modes.set(mode, []);
      modes.get(mode).push(p);
    }
    // The same colour per mode as in the other charts, where modes are the line groups.
    const modeAxis = s.vary.find((v) => v.path === 'capacity.mode');
    const modeOrder = modeAxis ? modeAxis.values.map(String) : ['client-server', 'p2p'];
    const color = (mode) => GS.color(Math.max(0, modeOrder.indexOf(mode)));
    const series = [];
    for (const [mode, ps] of modes) {
      // Average over any other varied key, so each mode gives one line.
      const byN = new Map();
      for (const p of ps) {
        const n = p.values['peers.count'];
        if (!byN.has(n)) byN.set(n, []);
        byN.get(n).push(p.metrics['capacity.distributionTime']);
      }
      const rows = Array.from(byN, ([n, ms]) => [n, ms.reduce((a, m) => a + m.mean, 0) / ms.length, ms.reduce((a, m) => a + m.ci95, 0) / ms.length])
        .sort((a, b) => a[0] - b[0]);
      series.push({ name: `${mode} (simulated)`, kind: 'line', dots: true, color: color(mode), points: rows.map((r) => [r[0], r[1]]),
        band: rows.some((r) => r[2] > 0) ? rows.map((r) => [r[0], r[1] - r[2], r[1] + r[2]]) : undefined });
    }
    for (const b of bounds) {
      series.push({ name: b.label, kind: 'line', theory: true, color: color(b.mode), points: b.points });
    }
    const ys = series.flatMap((x) => x.points.map((p) => p[1])).filter((v) => v > 0);
    const logY = logX && ys.length && Math.max(...ys) / Math.min(...ys) >= 100;
    GS.chart(charts, {
      title: 'Distribution time against the number of peers',
      x: { label: `peers N${logX ? ' (log scale)' : ''}`, type: logX ? 'log' : 'linear', zero: false },
      y: { label: `distribution time (s${logY ? ', log' : ''})`, type: logY ? 'log' : 'linear', tipFormat: GS.dur },
      series,
      legend: true,
      note: 'Client-server time grows linearly with N (the server uploads every copy); P2P levels off because every new peer also uploads. Dashed: the lower bounds of Kurose & Ross §2.5.',
    });
  }
})();
