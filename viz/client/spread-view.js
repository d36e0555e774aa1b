/*
 * gossipsim report, client side (4/6): for small networks (up to 500 peers) with their
 * links in the results, the overlay drawn as a force layout, with a rumour (a broadcast's
 * trace) or a query spreading over it, as the families give them (GS.family, run-report.js):
 * play, pause, speed, a time slider, and a selector when there are several. The layout is seeded and runs a fixed number of
 * ticks before it is shown, so the same results always give the same picture.
 */
/* global d3, GS */
(function () {
  'use strict';

  const MAX_PEERS = 500;
  const LAYOUT_TICKS = 320;
  const LAYOUT_SEED = 0x9e3779b9;
  const W = 960;
  const H = 580;

  /** Traces to choose from: each family's (its GS.family spreadTraces: broadcasts, a query), in reading order. */
  function traces(r) {
    const out = [];
    for (const name of Object.keys(GS.families)) {
      const family = GS.families[name];
      if (typeof family.spreadTraces === 'function') out.push(...family.spreadTraces(r));
    }
    return out;
  }

  /** Deterministic force layout: seeded jitter, fixed ticks, then fitted to the view. */
  function layout(n, links) {
    const nodes = d3.range(n).map((i) => ({ index: i }));
    const edges = links.map(([p, q]) => ({ source: p, target: q }));
    const sim = d3.forceSimulation(nodes)
      .randomSource(d3.randomLcg(LAYOUT_SEED / 2 ** 32))
      .force('link', d3.forceLink(edges).distance(26).strength(0.7))
      .force('charge', d3.forceManyBody().strength(-34).distanceMax(300))
      .force('x', d3.forceX(0).strength(0.05))
      .force('y', d3.forceY(0).strength(0.08))
      .stop();
    for (let i = 0; i < LAYOUT_TICKS; i++) sim.tick();
    const pad = 18;
    const [x0, x1] = d3.extent(nodes, (d) => d.x);
    const [y0, y1] = d3.extent(nodes, (d) => d.y);
    // Fill the frame, stretching one axis by at most 1.5 to use a wide view.
    let kx = (W - 2 * pad) / (x1 - x0 || 1);
    let ky = (H - 2 * pad) / (y1 - y0 || 1);
    if (kx > ky * 1.5) kx = ky * 1.5;
    if (ky > kx * 1.5) ky = kx * 1.5;
    const ox = (W - kx * (x1 - x0)) / 2;
    const oy = (H - ky * (y1 - y0)) / 2;
    for (const d of nodes) { d.x = ox + (d.x - x0) * kx; d.y = oy + (d.y - y0) * ky; }
    return nodes;
  }

  /** True when the results hold the overlay's links and the network is small enough to draw. */
  GS.canDrawOverlay = function (r) {
    return Boolean(r.overlay && Array.isArray(r.overlay.links) && r.overlay.links.length && (r.overlay.peers || 0) <= MAX_PEERS);
  };
  /** True when there is a spreading trace to animate. */
  GS.hasSpreadTrace = function (r) {
    return traces(r).length > 0;
  };

  /**
   * Draws the overlay. With a trace: its own section, animated. Without: a static drawing
   * inside `into` (the overlay section) under a subheading.
   */
  GS.renderSpread = function (root, r, into) {
    const links = r.overlay && Array.isArray(r.overlay.links) ? r.overlay.links.filter((l) => Array.isArray(l) && l.length >= 2) : [];
    if (!links.length) return;
    const list = traces(r);
    let n = GS.isNum(r.overlay.peers) ? r.overlay.peers : 0;
    for (const [p, q] of links) n = Math.max(n, p + 1, q + 1);
    for (const t of list) for (const e of t.entries) n = Math.max(n, e[0] + 1);
    if (n > MAX_PEERS) return;

    let s;
    if (list.length) {
      s = GS.section(root, 'spread', 'Watch it spread',
        'Each dot is a peer, each grey line an overlay link. Press play: orange peers have the rumour, bright ones have just received it, and the highlighted lines are the messages that brought it. The ringed dot is the origin.');
    } else {
      s = into || root;
      s.append('h3').text('Who links to whom');
      s.append('p').attr('class', 'lede').text('Each dot is a peer, each line an overlay link. Hover over a peer to see its degree.');
    }
    const view = s.append('div').attr('class', 'overlay-view spread');
    const nodes = layout(n, links);
    const degree = new Int32Array(n);
    for (const [p, q] of links) { degree[p]++; degree[q]++; }
    const radius = Math.max(3, Math.min(7.5, 7.5 - (n - 60) / 80));

    let controls = null;
    if (list.length) controls = view.append('div').attr('class', 'controls');
    const svg = view.append('svg').attr('class', 'graph').attr('viewBox', `0 0 ${W} ${H}`)
      .attr('role', 'img').attr('aria-label', 'overlay graph');
    svg.append('g').attr('class', 'edges').selectAll('line').data(links).join('line').attr('class', 'edge')
      .attr('x1', (d) => nodes[d[0]].x).attr('y1', (d) => nodes[d[0]].y)
      .attr('x2', (d) => nodes[d[1]].x).attr('y2', (d) => nodes[d[1]].y);
    const hot = svg.append('g').attr('class', 'hot-edges');
    const dots = svg.append('g').attr('class', 'nodes').selectAll('circle').data(nodes).join('circle')
      .attr('class', 'node').attr('cx', (d) => d.x).attr('cy', (d) => d.y).attr('r', radius);

    if (!list.length) {
      dots.on('pointermove', (event, d) => GS.showTip(event, `peer ${d.index}`, [[null, `degree ${degree[d.index]}`]]))
        .on('pointerleave', GS.hideTip);
      return;
    }

    const key = view.append('div').attr('class', 'key');
    key.append('span').style('--dot', 'var(--node)').text('not yet reached');
    key.append('span').style('--dot', 'var(--informed)').text('has it');
    key.append('span').style('--dot', 'var(--spark)').text('just received it');

    let picker = null;
    if (list.length > 1) {
      picker = controls.append('select').attr('aria-label', 'what to show').attr('class', 'picker');
      list.forEach((t, i) => picker.append('option').attr('value', i).text(t.label));
    }
    const play = controls.append('button').attr('class', 'play').attr('type', 'button').text('▶ Play');
    const slider = controls.append('input').attr('type', 'range').attr('min', 0).attr('max', 1000).attr('step', 1)
      .attr('value', 0).attr('aria-label', 'simulated time');
    const timeLabel = controls.append('span').attr('class', 'time');
    const countLabel = controls.append('span').attr('class', 'count');
    const speed = controls.append('select').attr('aria-label', 'playback speed');
    for (const v of [0.25, 0.5, 1, 2, 4]) speed.append('option').attr('value', v).property('selected', v === 1).text(`${v}×`);

    // State of the trace being shown.
    let current = null;
    let t0 = 0;
    let t1 = 1;
    let now = 0;
    let informedAt = new Float64Array(n);
    let from = new Int32Array(n);
    let timer = null;

    function select(i) {
      const tr = list[i];
      const entries = tr.entries.filter((e) => Array.isArray(e) && GS.isNum(e[0]) && GS.isNum(e[1]))
        .slice().sort((a, b) => a[1] - b[1]);
      informedAt = new Float64Array(n).fill(Infinity);
      from = new Int32Array(n).fill(-1);
      for (const [peer, time, src] of entries) {
        if (time < informedAt[peer]) { informedAt[peer] = time; from[peer] = GS.isNum(src) ? src : -1; }
      }
      const first = entries.length ? entries[0][1] : 0;
      t0 = Math.min(GS.isNum(tr.start) ? tr.start : first, first);
      t1 = entries.length ? entries[entries.length - 1][1] : t0 + 1;
      if (t1 <= t0) t1 = t0 + 1;
      current = { tr, entries };
      dots.classed('origin', (d) => d.index === tr.origin);
      draw(t0);
    }

    function draw(t) {
      now = Math.max(t0, Math.min(t1, t));
      const span = t1 - t0;
      const fresh = span / 20;
      let count = 0;
      for (let p = 0; p < n; p++) if (informedAt[p] <= now) count++;
      dots.classed('informed', (d) => informedAt[d.index] <= now)
        .classed('fresh', (d) => informedAt[d.index] <= now && now - informedAt[d.index] < fresh);
      const recent = current.entries.filter((e) => e[1] <= now && now - e[1] < fresh && GS.isNum(e[2]) && e[2] >= 0 && e[2] < n && from[e[0]] === e[2]);
      hot.selectAll('line').data(recent, (e) => e[0]).join('line').attr('class', 'edge hot')
        .attr('x1', (e) => nodes[e[2]].x).attr('y1', (e) => nodes[e[2]].y)
        .attr('x2', (e) => nodes[e[0]].x).attr('y2', (e) => nodes[e[0]].y);
      slider.property('value', Math.round(((now - t0) / span) * 1000));
      timeLabel.text(`t = ${now.toFixed(span < 10 ? 2 : 1)} s`);
      countLabel.text(`${count} / ${n} ${current.tr.noun} (${GS.pct(count / n)})`);
    }

    function stop() {
      if (timer) { timer.stop(); timer = null; }
      play.text('▶ Play');
    }
    function start() {
      if (now >= t1) draw(t0);
      const from0 = now;
      // At 1× a whole spread plays in about 8 seconds, whatever its simulated length.
      const rate = (t1 - t0) / 8000;
      play.text('❚❚ Pause');
      timer = d3.timer((elapsed) => {
        const t = from0 + elapsed * rate * Number(speed.property('value'));
        draw(t);
        if (t >= t1) stop();
      });
    }
    play.on('click', () => (timer ? stop() : start()));
    slider.on('input', function () { stop(); draw(t0 + (Number(this.value) / 1000) * (t1 - t0)); });
    if (picker) picker.on('change', function () { stop(); select(Number(this.value)); });
    speed.on('change', () => { if (timer) { stop(); start(); } });

    dots.on('pointermove', (event, d) => {
      const rows = [[null, `degree ${degree[d.index]}`]];
      if (informedAt[d.index] < Infinity) {
        rows.push([null, `${current.tr.noun} at ${informedAt[d.index].toFixed(3)} s` + (from[d.index] >= 0 ? ` by peer ${from[d.index]}` : ' (origin)')]);
      } else rows.push([null, `never ${current.tr.noun}`]);
      GS.showTip(event, `peer ${d.index}`, rows);
    }).on('pointerleave', GS.hideTip);

    select(0);
  };
})();
