/*
 * The search family's section of the run report (client side; viz/assets.ts inlines it
 * after run-report.js): success against cost per protocol, hops to the first hit, a table.
 */
/* global GS */
(function () {
  'use strict';

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

  /** Its spread trace for the overlay view (spread-view.js): a query's, if one is recorded. */
  function spreadTraces(r) {
    const s = r.searches;
    return GS.isObj(s) && Array.isArray(s.trace) && s.trace.length
      ? [{ label: 'A query', noun: 'probed', entries: s.trace, origin: s.trace[0][0], start: s.trace[0][1] }] : [];
  }

  GS.family('search', { label: 'searches', draw: (root, r) => searches(root, r), spreadTraces });
})();
