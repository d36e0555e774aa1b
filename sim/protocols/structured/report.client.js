/*
 * The structured family's drawing in the run report (client side; viz/assets.ts inlines it
 * after run-report.js): success against messages per query for every search protocol of
 * the run, the DHT's beside the unstructured ones, and for small networks a ring view
 * that animates one lookup (peers on a circle by ID, the path hop by hop, the owner marked).
 * The hops histogram and the figures are the section the descriptor describes as data.
 */
/* global d3, GS */
(function () {
  'use strict';

  const SIZE = 520;
  const RADIUS = 220;
  const HOP_MS = 700;

  function structured(root, r) {
    const st = r.structured;
    if (!GS.isObj(st)) return;
    const s = GS.section(root, 'dht-lookups', 'Lookups beside the searches',
      'Each search protocol of this run, over the same origins and items: the share of queries that found a live holder against the messages a query cost (log scale).');
    const grid = s.append('div').attr('class', 'charts');
    const searches = GS.isObj(r.searches) ? r.searches : null;
    const by = searches && GS.isObj(searches.byProtocol) ? searches.byProtocol : null;
    const entries = by ? Object.entries(by) : searches && Array.isArray(r.scenario && r.scenario.workload && r.scenario.workload.searches)
      ? [[String(r.scenario.workload.searches[0].protocol), searches]] : [];
    const points = entries.filter(([, v]) => GS.isObj(v) && GS.isNum(v.messagesPerQuery) && v.messagesPerQuery > 0 && GS.isNum(v.successRate));
    if (points.length) {
      GS.chart(grid, {
        title: 'Success against messages per query',
        x: { label: 'messages per query (log scale)', type: 'log', zero: false },
        y: { label: 'queries that found a holder (%)', percent: true, domain: [0, 1] },
        series: points.map(([name, v], i) => ({ name: String(name), kind: 'line', dots: true, color: GS.color(i), points: [[v.messagesPerQuery, v.successRate]] })),
        legend: true,
      });
    }
    if (GS.isObj(st.ring) && Array.isArray(st.ring.positions)) ringView(grid, st);
  }

  /** Peers on a circle by ID; one lookup's path drawn hop by hop, replayed on demand. */
  function ringView(parent, st) {
    const pos = st.ring.positions.filter(GS.isNum);
    const look = GS.isObj(st.ring.lookup) ? st.ring.lookup : null;
    const cell = parent.append('div').attr('class', 'chart');
    cell.append('h3').text(`The ${st.protocol === 'kademlia' ? 'ID space' : 'ring'}: one lookup`);
    const at = (x) => {
      const a = 2 * Math.PI * x - Math.PI / 2;
      return [SIZE / 2 + RADIUS * Math.cos(a), SIZE / 2 + RADIUS * Math.sin(a)];
    };
    const svg = cell.append('svg').attr('viewBox', `0 0 ${SIZE} ${SIZE}`).attr('width', '100%').attr('role', 'img')
      .attr('aria-label', 'peers placed on a circle by ID, with the path of one lookup');
    svg.append('circle').attr('cx', SIZE / 2).attr('cy', SIZE / 2).attr('r', RADIUS).attr('fill', 'none').attr('stroke', '#ccc');
    svg.append('g').selectAll('circle').data(pos).join('circle')
      .attr('cx', (x) => at(x)[0]).attr('cy', (x) => at(x)[1]).attr('r', 2.2).attr('fill', '#888');
    if (!look || !Array.isArray(look.path)) {
      cell.append('p').attr('class', 'note').text('No successful lookup to show.');
      return;
    }
    const path = [look.origin, ...look.path].filter((p) => GS.isNum(p) && p >= 0 && p < pos.length);
    const hops = svg.append('g');
    const mark = (p, color, label, radius) => {
      const [x, y] = at(pos[p]);
      svg.append('circle').attr('cx', x).attr('cy', y).attr('r', radius).attr('fill', color);
      const [lx, ly] = [SIZE / 2 + (RADIUS + 22) * Math.cos(2 * Math.PI * pos[p] - Math.PI / 2), SIZE / 2 + (RADIUS + 22) * Math.sin(2 * Math.PI * pos[p] - Math.PI / 2)];
      svg.append('text').attr('x', lx).attr('y', ly).attr('text-anchor', 'middle').attr('font-size', 12).text(label);
    };
    if (GS.isNum(look.key)) {
      const [kx, ky] = at(look.key);
      svg.append('path').attr('d', `M${kx},${ky - 8}l6,-8h-12z`).attr('fill', GS.color(3));
      svg.append('text').attr('x', SIZE / 2).attr('y', SIZE / 2 + 4).attr('text-anchor', 'middle').attr('font-size', 12)
        .text(`key at ${(look.key * 100).toFixed(1)}% of the ID space`);
    }
    mark(look.origin, GS.color(0), 'origin', 5);
    if (GS.isNum(look.owner) && look.owner < pos.length) mark(look.owner, GS.color(1), st.protocol === 'kademlia' ? 'record' : 'owner', 6);
    let timer = null;
    const play = () => {
      if (timer) clearInterval(timer);
      hops.selectAll('*').remove();
      let i = 1;
      timer = setInterval(() => {
        if (i >= path.length) { clearInterval(timer); timer = null; return; }
        const [x0, y0] = at(pos[path[i - 1]]), [x1, y1] = at(pos[path[i]]);
        hops.append('line').attr('x1', x0).attr('y1', y0).attr('x2', x0).attr('y2', y0)
          .attr('stroke', GS.color(2)).attr('stroke-width', 2).attr('marker-end', null)
          .transition().duration(HOP_MS * 0.8).attr('x2', x1).attr('y2', y1);
        hops.append('text').attr('x', (x0 + x1) / 2).attr('y', (y0 + y1) / 2 - 4).attr('font-size', 11).attr('fill', GS.color(2)).text(String(i));
        i++;
      }, HOP_MS);
    };
    cell.append('button').attr('type', 'button').text('Replay the lookup').on('click', play);
    cell.append('p').attr('class', 'note').text(st.protocol === 'kademlia'
      ? `The peers that answered, in the order they answered (alpha requests in flight at once), ending at the one that returned the record: ${path.length - 1} answers.`
      : `Each line is a hop: the node asked next, named by the one before; the last is the owner (or the successor holding a copy) that returned the record: ${path.length - 1} hops.`);
    play();
  }

  GS.family('structured', { label: 'the DHT lookups', draw: (root, r) => structured(root, r) });
})();
