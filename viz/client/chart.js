/*
 * gossipsim report, client side (2/6): one generic SVG chart with labelled axes, a
 * legend, lines, steps, bands, points, bars, reference rules and tooltips. Every chart of
 * the report is a spec handed to GS.chart; see the field list below.
 */
/* global d3, GS */
(function () {
  'use strict';

  // Drawing area in viewBox units; the SVG scales to its column, text scales with it.
  // Normal charts sit two to a row; `wide` ones take the full width at the same height.
  const SIZE = { normal: [640, 400], wide: [1000, 400] };
  const M = { top: 26, right: 28, bottom: 66, left: 88 };
  let clipCount = 0;

  /**
   * spec = {
   *   title, note?,                       text above / below the chart
   *   x: { label, type?: 'linear'|'log'|'point', domain?, values? (point), format?, integer? },
   *   y: { label, type?: 'linear'|'log', domain?, format?, percent?,
   *        clamp?: [lo, hi] (the axis never extends past these, e.g. [0, 1] for a fraction),
   *        bandReach?: k (bands widen the axis by at most k times the span of the points) },
   *   series: [{ name, color?, kind?: 'line'|'step'|'points'|'bars', points: [[x, y], ...],
   *              band?: [[x, lo, hi], ...], theory?, small?, labels?, tip?: (point) => [text...],
   *              notes?: [[x, y, text], ...] (small text above a line's points),
   *              tipValue?: (point) => text (a line's value in the crosshair tooltip) }],
   *   rules?: [{ axis: 'x'|'y', value, label }],
   *   legend?: boolean (default: when more than one series),
   *   wide?: boolean (full width, for a chart alone on its row)
   * }
   * Returns the figure selection; the SVG has class "chart-svg".
   */
  GS.chart = function (parent, spec) {
    const fig = parent.append('figure').attr('class', 'chart');
    if (spec.id) fig.attr('id', spec.id);
    fig.append('figcaption').attr('class', 'chart-title').text(spec.title);
    const series = spec.series.filter((s) => s.points && s.points.length > 0);
    series.forEach((s, i) => { if (s.color === undefined) s.color = s.theory ? 'var(--theory)' : GS.color(i); });

    const showLegend = spec.legend !== undefined ? spec.legend : series.length > 1;
    if (showLegend) legend(fig, series);

    const [W, H] = spec.wide ? SIZE.wide : SIZE.normal;
    const svg = fig.append('svg').attr('class', 'chart-svg').attr('viewBox', `0 0 ${W} ${H}`)
      .attr('role', 'img').attr('aria-label', spec.title);
    const iw = W - M.left - M.right;
    const ih = H - M.top - M.bottom;
    const g = svg.append('g').attr('transform', `translate(${M.left},${M.top})`);

    const x = makeScale(spec.x, series, 0, [0, iw], spec.rules, barGap(series) / 2);
    const y = makeScale(spec.y, series, 1, [ih, 0], spec.rules, 0);

    // Grid, then axes with their labels.
    const xAxis = axis(d3.axisBottom(x), spec.x, x);
    const yAxis = axis(d3.axisLeft(y), spec.y, y);
    g.append('g').attr('class', 'grid').call(axis(d3.axisLeft(y), spec.y, y).tickSize(-iw).tickFormat(''));
    g.append('g').attr('class', 'grid').attr('transform', `translate(0,${ih})`)
      .call(axis(d3.axisBottom(x), spec.x, x).tickSize(-ih).tickFormat(''));
    const xg = g.append('g').attr('class', 'axis x').attr('transform', `translate(0,${ih})`).call(xAxis);
    const extraLines = spec.x.type === 'point' ? wrapTicks(xg, x.step()) - 1 : 0;
    g.append('g').attr('class', 'axis y').call(yAxis);
    g.append('text').attr('class', 'axis-label x').attr('x', iw / 2).attr('y', ih + 56 + 18 * extraLines)
      .attr('text-anchor', 'middle').text(spec.x.label);
    if (extraLines > 0) svg.attr('viewBox', `0 0 ${W} ${H + 18 * extraLines}`);
    g.append('text').attr('class', 'axis-label y').attr('transform', `translate(${-68},${ih / 2}) rotate(-90)`)
      .attr('text-anchor', 'middle').text(spec.y.label);

    const px = (v) => x(v);
    const py = (v) => y(v);
    const okX = (v) => v !== null && v !== undefined && (spec.x.type === 'point' || (Number.isFinite(v) && (spec.x.type !== 'log' || v > 0)));
    const okY = (v) => v !== null && v !== undefined && Number.isFinite(v) && (spec.y.type !== 'log' || v > 0);

    const marks = g.append('g').attr('class', 'marks');
    const clipId = 'clip-' + (++clipCount);
    svg.append('clipPath').attr('id', clipId).append('rect').attr('x', -6).attr('y', -6).attr('width', iw + 12).attr('height', ih + 12);
    marks.attr('clip-path', `url(#${clipId})`);

    for (const s of series) {
      if (s.band && s.band.length) {
        const area = d3.area().defined((d) => okX(d[0]) && okY(d[1]) && okY(d[2]))
          .x((d) => px(d[0])).y0((d) => py(d[1])).y1((d) => py(d[2]));
        marks.append('path').attr('class', 'mark-band').attr('d', area(s.band)).style('fill', s.color);
      }
    }
    for (const s of series) {
      const kind = s.kind || 'line';
      const pts = s.points.filter((d) => okX(d[0]) && okY(d[1]));
      if (kind === 'line' || kind === 'step') {
        const line = d3.line().defined((d) => okX(d[0]) && okY(d[1])).x((d) => px(d[0])).y((d) => py(d[1]));
        if (kind === 'step') line.curve(d3.curveStepAfter);
        marks.append('path').attr('class', 'mark-line' + (s.theory ? ' theory' : ''))
          .attr('d', line(GS.thin(s.points, 2000))).style('stroke', s.color);
        if (pts.length === 1 || s.dots) {
          marks.append('g').selectAll('circle').data(pts).join('circle').attr('class', 'mark-point')
            .attr('cx', (d) => px(d[0])).attr('cy', (d) => py(d[1])).attr('r', 4.5).style('fill', s.color);
        }
        if (s.notes && s.notes.length) {
          g.append('g').selectAll('text').data(s.notes.filter((d) => okX(d[0]) && okY(d[1]))).join('text').attr('class', 'mark-note')
            .attr('x', (d) => px(d[0]) + 7).attr('y', (d) => py(d[1]) - 9).style('fill', s.color).text((d) => d[2]);
        }
      } else if (kind === 'points') {
        const dots = marks.append('g').selectAll('circle').data(GS.thin(pts, 3000)).join('circle')
          .attr('class', 'mark-point' + (s.small ? ' small' : ''))
          .attr('cx', (d) => px(d[0])).attr('cy', (d) => py(d[1])).attr('r', s.small ? 3 : 6).style('fill', s.color);
        dots.append('title').text((d) => tipText(spec, s, d).join('\n'));
        if (s.labels) {
          // Above the point, or below it near the top; to its left near the right edge.
          g.append('g').selectAll('text').data(pts).join('text').attr('class', 'mark-label')
            .attr('x', (d) => px(d[0]) + (px(d[0]) > iw * 0.7 ? -10 : 10))
            .attr('text-anchor', (d) => (px(d[0]) > iw * 0.7 ? 'end' : 'start'))
            .attr('y', (d) => (py(d[1]) < 30 ? py(d[1]) + 26 : py(d[1]) - 12)).style('fill', s.color)
            .text((d) => d[2] !== undefined ? d[2] : s.name);
        }
      } else if (kind === 'bars') {
        const xs = pts.map((d) => d[0]).sort((a, b) => a - b);
        let gap = Infinity;
        for (let i = 1; i < xs.length; i++) gap = Math.min(gap, xs[i] - xs[i - 1]);
        if (!Number.isFinite(gap)) gap = 1;
        const bw = Math.max(1, Math.abs(px(xs[0] + gap) - px(xs[0])) * 0.78);
        const y0 = py(y.domain()[0]);
        const bars = marks.append('g').selectAll('rect').data(pts).join('rect').attr('class', 'mark-bar')
          .attr('x', (d) => px(d[0]) - bw / 2).attr('width', bw)
          .attr('y', (d) => Math.min(py(d[1]), y0)).attr('height', (d) => Math.abs(y0 - py(d[1])))
          .style('fill', s.color);
        bars.append('title').text((d) => tipText(spec, s, d).join('\n'));
      }
    }

    for (const r of spec.rules || []) drawRule(g, r, x, y, iw, ih);
    hover(svg, g, spec, series, x, y, iw, ih, okX, okY);
    if (spec.note) fig.append('p').attr('class', 'chart-note').text(spec.note);
    return fig;
  };

  function legend(fig, series) {
    const l = fig.append('div').attr('class', 'legend');
    for (const s of series) {
      const item = l.append('span').attr('class', 'item');
      const sw = item.append('svg').attr('viewBox', '0 0 26 12').attr('aria-hidden', 'true');
      const kind = s.kind || 'line';
      if (kind === 'points') sw.append('circle').attr('cx', 13).attr('cy', 6).attr('r', 5).style('fill', s.color);
      else if (kind === 'bars') sw.append('rect').attr('x', 4).attr('y', 1).attr('width', 18).attr('height', 10).style('fill', s.color);
      else {
        if (s.band) sw.append('rect').attr('x', 0).attr('y', 1).attr('width', 26).attr('height', 10).attr('class', 'mark-band').style('fill', s.color);
        sw.append('line').attr('x1', 1).attr('x2', 25).attr('y1', 6).attr('y2', 6).attr('class', 'mark-line' + (s.theory ? ' theory' : ''))
          .style('stroke', s.color).style('stroke-width', '3px');
      }
      item.append('span').text(s.name);
    }
  }

  /** Smallest gap between the x values of bar series (bars are that wide, less a margin). */
  function barGap(series) {
    let gap = Infinity;
    for (const s of series) {
      if (s.kind !== 'bars') continue;
      const xs = s.points.map((d) => d[0]).filter(Number.isFinite).sort((a, b) => a - b);
      for (let i = 1; i < xs.length; i++) if (xs[i] > xs[i - 1]) gap = Math.min(gap, xs[i] - xs[i - 1]);
      if (!Number.isFinite(gap) && xs.length) gap = 1;
    }
    return Number.isFinite(gap) ? gap : 0;
  }

  /** A scale for one axis, its domain from the data (column `col`), bands and rules, widened by `pad`. */
  function makeScale(ax, series, col, range, rules, pad) {
    if (ax.type === 'point') {
      return d3.scalePoint().domain(ax.values).range(range).padding(0.4);
    }
    let lo = Infinity;
    let hi = -Infinity;
    const take = (v) => {
      if (v === null || v === undefined || !Number.isFinite(v)) return;
      if (ax.type === 'log' && v <= 0) return;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    };
    for (const s of series) for (const p of s.points) take(p[col]);
    // Bands widen the axis by at most `bandReach` times the span of the points (then run off the chart).
    let cut = (v) => v;
    if (col === 1 && ax.bandReach && Number.isFinite(lo)) {
      const span = hi > lo ? hi - lo : Math.abs(hi) || 1;
      const [bl, bh] = [lo - ax.bandReach * span, hi + ax.bandReach * span];
      cut = (v) => (v === null || v === undefined ? v : Math.min(bh, Math.max(bl, v)));
    }
    for (const s of series) {
      if (s.band) for (const b of s.band) { if (col === 0) take(b[0]); else { take(cut(b[1])); take(cut(b[2])); } }
    }
    for (const r of rules || []) if ((r.axis === 'x') === (col === 0)) take(r.value);
    // A lone bar gets room around it, not the whole width.
    if (pad && Number.isFinite(lo)) {
      const lone = lo === hi ? 2 : 0;
      lo -= pad + lone;
      hi += pad + lone;
    }
    const fixed = (i) => ax.domain && ax.domain[i] !== undefined && ax.domain[i] !== null;
    if (fixed(0)) lo = ax.domain[0];
    if (fixed(1)) hi = ax.domain[1];
    if (!ax.domain && ax.type !== 'log' && ax.zero !== false && lo > 0 && col === 1) lo = 0;
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) { lo = ax.type === 'log' ? 1 : 0; hi = ax.type === 'log' ? 10 : 1; }
    if (lo === hi) {
      if (ax.type === 'log') { lo /= 2; hi *= 2; } else if (lo === 0) hi = 1; else { const d = Math.abs(lo) * 0.1; lo -= d; hi += d; }
    }
    const scale = ax.type === 'log' ? d3.scaleLog() : d3.scaleLinear();
    scale.domain([lo, hi]).range(range);
    if (!fixed(0) && !fixed(1) && !pad) scale.nice();
    else if (!fixed(1) && !pad) {
      // Round only the free end up to a tick.
      const nice = scale.copy().nice().domain();
      scale.domain([lo, nice[1]]);
    }
    if (ax.clamp) {
      // Rounding to ticks must not carry the axis past where the values can lie (below 0, above 100 %).
      const [a, b] = scale.domain();
      const ca = Math.max(a, ax.clamp[0]);
      const cb = Math.min(b, ax.clamp[1]);
      if (ca < cb) scale.domain([ca, cb]);
    }
    return scale;
  }

  function axis(a, ax, scale) {
    if (ax.type === 'point') return a.tickFormat(ax.format || ((v) => String(v)));
    if (ax.type === 'log') {
      const [lo, hi] = scale.domain();
      const decades = Math.log10(hi / lo);
      const fmt = ax.format || ((v) => GS.fmt(v));
      // Label only 1-2-5 ticks when the axis spans few decades, powers of ten otherwise.
      return a.ticks(decades >= 3 ? 6 : 10).tickFormat((v) => {
        const lead = Math.round(v / 10 ** Math.floor(Math.log10(v) + 1e-9));
        if (decades >= 2.5 ? lead === 1 : lead === 1 || lead === 2 || lead === 5) return fmt(v);
        return '';
      });
    }
    a.ticks(6);
    if (ax.percent) return a.tickFormat((v) => Math.round(v * 1000) / 10 + '%');
    if (ax.integer) {
      const ticks = scale.ticks(6).filter((v) => Number.isInteger(v));
      return a.tickValues(ticks).tickFormat((v) => GS.fmt(v));
    }
    return a.tickFormat(ax.format || ((v) => GS.fmt(v)));
  }

  /** Breaks category labels wider than their slot into lines, at " (" first, then spaces. */
  function wrapTicks(axisG, width) {
    let most = 1;
    axisG.selectAll('.tick text').each(function () {
      const text = d3.select(this);
      const words = text.text();
      if (words.length * 8.5 <= width) return;
      const parts = words.includes(' (') ? words.replace(' (', '\u0000(').split('\u0000') : words.split(' ');
      const lines = [];
      for (const part of parts) {
        const last = lines.length ? lines[lines.length - 1] : null;
        if (last !== null && (last + ' ' + part).length * 8.5 <= width) lines[lines.length - 1] = last + ' ' + part;
        else lines.push(part);
      }
      const y = text.attr('y');
      const dy = text.attr('dy');
      text.text(null);
      lines.forEach((line, i) => text.append('tspan').attr('x', 0).attr('y', y).attr('dy', i === 0 ? dy : `${1.15 * i + parseFloat(dy)}em`).text(line));
      most = Math.max(most, lines.length);
    });
    return most;
  }

  function drawRule(g, r, x, y, iw, ih) {
    const rg = g.append('g').attr('class', 'rule');
    if (r.axis === 'x') {
      const v = x(r.value);
      if (!Number.isFinite(v)) return;
      rg.append('line').attr('x1', v).attr('x2', v).attr('y1', 0).attr('y2', ih);
      rg.append('text').attr('x', v + (v > iw * 0.75 ? -6 : 6)).attr('y', 14 + (r.row || 0) * 18)
        .attr('text-anchor', v > iw * 0.75 ? 'end' : 'start').text(r.label);
    } else {
      const v = y(r.value);
      if (!Number.isFinite(v)) return;
      rg.append('line').attr('x1', 0).attr('x2', iw).attr('y1', v).attr('y2', v);
      rg.append('text').attr('x', iw - 6).attr('y', v - 7).attr('text-anchor', 'end').text(r.label);
    }
  }

  function fmtAxis(ax, v) {
    if (v === null || v === undefined) return '–';
    if (ax.type === 'point') return String(v);
    if (ax.percent) return GS.pct(v);
    if (ax.tipFormat) return ax.tipFormat(v);
    return GS.fmt(v);
  }

  function tipText(spec, s, d) {
    const lines = [s.name];
    if (s.tip) return lines.concat(s.tip(d));
    lines.push(`${spec.x.label}: ${fmtAxis(spec.x, d[0])}`, `${spec.y.label}: ${fmtAxis(spec.y, d[1])}`);
    return lines;
  }

  /**
   * Tooltips. Lines and steps: a vertical crosshair at the pointer's x, with each series'
   * value there. Points and bars: the nearest mark within reach.
   */
  function hover(svg, g, spec, series, x, y, iw, ih, okX, okY) {
    const lines = series.filter((s) => (s.kind || 'line') === 'line' || s.kind === 'step');
    const discrete = series.filter((s) => s.kind === 'points' || s.kind === 'bars');
    const focus = g.append('g').attr('class', 'focus').style('display', 'none');
    const rule = focus.append('line').attr('y1', 0).attr('y2', ih);
    const dots = focus.selectAll('circle').data(lines).join('circle').attr('r', 5).style('fill', (s) => s.color);
    const target = g.append('rect').attr('class', 'hover-target').attr('width', iw).attr('height', ih);
    const pointX = spec.x.type === 'point';

    target.on('pointermove', (event) => {
      const [mx, my] = d3.pointer(event, g.node());
      // Nearest discrete mark, in screen distance.
      let best = null;
      let bestD = 30 * 30;
      for (const s of discrete) {
        for (const d of s.points) {
          if (!okX(d[0]) || !okY(d[1])) continue;
          const dx = x(d[0]) - mx;
          const dy = y(d[1]) - my;
          const dist = dx * dx + (s.kind === 'bars' ? 0 : dy * dy);
          if (dist < bestD) { bestD = dist; best = [s, d]; }
        }
      }
      if (best) {
        focus.style('display', 'none');
        const [s, d] = best;
        const text = tipText(spec, s, d);
        GS.showTip(event, text[0], text.slice(1).map((t) => [null, t]));
        return;
      }
      if (lines.length === 0) { GS.hideTip(); return; }
      // Crosshair: for each line, its point with the nearest x.
      const rows = [];
      let xAt = null;
      const found = lines.map((s) => {
        let nearest = null;
        let nd = Infinity;
        for (const d of s.points) {
          if (!okX(d[0]) || !okY(d[1])) continue;
          const dist = Math.abs(x(d[0]) - mx);
          if (dist < nd) { nd = dist; nearest = d; }
        }
        return nearest;
      });
      let ref = null;
      found.forEach((d, i) => {
        if (!d) return;
        if (ref === null || Math.abs(x(d[0]) - mx) < Math.abs(x(ref[0]) - mx)) ref = d;
        rows.push([lines[i].color, `${lines[i].name}: ${lines[i].tipValue ? lines[i].tipValue(d) : fmtAxis(spec.y, d[1])}` +
          (Math.abs(x(d[0]) - mx) > 2 && !pointX ? ` (at ${fmtAxis(spec.x, d[0])})` : '')]);
      });
      if (!ref) { GS.hideTip(); return; }
      xAt = ref[0];
      focus.style('display', null);
      rule.attr('x1', x(xAt)).attr('x2', x(xAt));
      dots.style('display', (s, i) => (found[i] ? null : 'none'))
        .attr('cx', (s, i) => (found[i] ? x(found[i][0]) : 0)).attr('cy', (s, i) => (found[i] ? y(found[i][1]) : 0));
      GS.showTip(event, `${spec.x.label}: ${fmtAxis(spec.x, xAt)}`, rows);
    });
    target.on('pointerleave', () => { focus.style('display', 'none'); GS.hideTip(); });
  }
})();
