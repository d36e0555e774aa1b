/**
 * The live overlay view (networks of up to MAX_VIEW_PEERS peers) on a canvas: peers laid
 * out by d3's force layout, coloured by the kind of the last message they received (bright
 * when it has just arrived, grey when down), messages as dots travelling along their way,
 * and a red ring where a peer has just failed or left.
 */
import { GS, d3 } from './globals.js';
import { CHANGE_STRIDE, MESSAGE_STRIDE } from './protocol.js';

const PALETTE = ['--c0', '--c1', '--c2', '--c3', '--c4', '--c5', '--c6', '--c7'];
/** Messages kept in flight for drawing; beyond it the oldest are applied at once. */
const MAX_IN_FLIGHT = 60_000;

interface Node { x: number; y: number; index: number }

export class OverlayView {
  private readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private readonly nodes: Node[];
  private readonly links: Uint32Array;
  private readonly alive: Uint8Array;
  /** The event kind of the last message each peer received (-1: none yet). */
  private readonly lastKind: Int32Array;
  private readonly lastAt: Float64Array;
  private readonly downAt: Float64Array;
  private inFlight: number[] = [];
  private changes: number[] = [];
  private kindNames: string[] = [];
  private kindColour = new Map<string, number>();
  private readonly layout: d3.Simulation<Node, undefined>;
  /** Seconds of simulated time a just-received message keeps a peer bright. */
  private fresh: number;
  private colours: string[] = [];
  private readonly degree: Int32Array;
  /** The last drawing's mapping from layout to canvas: x = ox + k · node.x. */
  private fit = { ox: 0, oy: 0, k: 1, t: 0 };
  private base = '#c3c8cf';
  private edge = '#b9bec6';

  constructor(private readonly root: HTMLElement, readonly peers: number, links: Uint32Array, sample: number) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'overlay-canvas';
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', `the overlay: ${peers} peers`);
    root.replaceChildren(this.canvas, Object.assign(document.createElement('div'), { className: 'view-key' }));
    this.ctx = this.canvas.getContext('2d')!;
    this.links = links;
    this.alive = new Uint8Array(peers).fill(1);
    this.lastKind = new Int32Array(peers).fill(-1);
    this.lastAt = new Float64Array(peers).fill(-Infinity);
    this.downAt = new Float64Array(peers).fill(-Infinity);
    this.fresh = Math.max(0.05, sample / 2);
    this.degree = new Int32Array(peers);
    for (let i = 0; i < links.length; i++) this.degree[links[i]]++;
    this.canvas.addEventListener('pointermove', (event) => this.tip(event));
    this.canvas.addEventListener('pointerleave', () => GS().hideTip());
    this.nodes = d3.range(peers).map((index) => ({ index, x: 0, y: 0 }));
    const edges: Array<{ source: number; target: number }> = [];
    for (let i = 0; i < links.length; i += 2) edges.push({ source: links[i], target: links[i + 1] });
    // Seeded, so that the same scenario is laid out the same way each time.
    this.layout = d3.forceSimulation(this.nodes)
      .randomSource(d3.randomLcg(0.5))
      .force('link', d3.forceLink(edges).distance(peers > 800 ? 14 : 24).strength(0.5))
      .force('charge', d3.forceManyBody().strength(peers > 800 ? -12 : -30).distanceMax(250))
      .force('x', d3.forceX(0).strength(0.06))
      .force('y', d3.forceY(0).strength(0.06));
    this.readColours();
  }

  /** A curious student's question: which peer is this, and what happened to it? */
  private tip(event: PointerEvent): void {
    const box = this.canvas.getBoundingClientRect();
    const { ox, oy, k, t } = this.fit;
    const x = event.clientX - box.left, y = event.clientY - box.top;
    let best = -1, bestDistance = 12 * 12;
    for (const n of this.nodes) {
      const d = (ox + k * n.x - x) ** 2 + (oy + k * n.y - y) ** 2;
      if (d < bestDistance) { best = n.index; bestDistance = d; }
    }
    if (best < 0) { GS().hideTip(); return; }
    const kind = this.lastKind[best] >= 0 ? this.kindNames[this.lastKind[best]] ?? String(this.lastKind[best]) : undefined;
    const rows: Array<[string | null, string]> = [[null, `degree ${this.degree[best]} at the start`], [null, this.alive[best] ? 'up' : 'down']];
    if (kind) rows.push([null, `last message received: ${kind} at ${this.lastAt[best].toFixed(3)} s`]);
    else rows.push([null, `no message received by t = ${t.toFixed(1)} s`]);
    GS().showTip(event, `peer ${best}`, rows);
  }

  /** Reads the theme's palette (again after the theme changes). */
  readColours(): void {
    const style = getComputedStyle(document.documentElement);
    this.colours = PALETTE.map((v) => style.getPropertyValue(v).trim() || '#0072b2');
    this.base = style.getPropertyValue('--node').trim() || this.base;
    this.edge = style.getPropertyValue('--link-line').trim() || this.edge;
  }

  stop(): void {
    this.layout.stop();
  }

  /** Takes a progress report's messages and peer changes. */
  add(messages: Float64Array, changes: Float64Array, kinds: string[]): void {
    this.kindNames = kinds;
    for (let i = 0; i < messages.length; i++) this.inFlight.push(messages[i]);
    for (let i = 0; i < changes.length; i++) this.changes.push(changes[i]);
    const excess = this.inFlight.length - MAX_IN_FLIGHT * MESSAGE_STRIDE;
    if (excess > 0) this.apply(this.inFlight.splice(0, excess), Infinity);
  }

  private colourOf(kind: number): number {
    const name = this.kindNames[kind] ?? String(kind);
    let c = this.kindColour.get(name);
    if (c === undefined) {
      c = this.kindColour.size % PALETTE.length;
      this.kindColour.set(name, c);
      this.drawKey();
    }
    return c;
  }

  private drawKey(): void {
    const key = this.root.querySelector('.view-key')!;
    const items = [...this.kindColour].map(([name, c]) => {
      const span = document.createElement('span');
      span.style.setProperty('--dot', `var(${PALETTE[c]})`);
      span.textContent = name;
      return span;
    });
    const down = document.createElement('span');
    down.className = 'down';
    down.textContent = 'down (failed or left)';
    key.replaceChildren(...items, down);
  }

  /** Applies the arrivals of `records` up to time `t` (all of them when t is Infinity). */
  private apply(records: number[], t: number): void {
    for (let o = 0; o < records.length; o += MESSAGE_STRIDE) {
      if (records[o + 1] > t) continue;
      const to = records[o + 3];
      if (records[o + 1] >= this.lastAt[to]) { this.lastAt[to] = records[o + 1]; this.lastKind[to] = records[o + 4]; this.colourOf(records[o + 4]); }
    }
  }

  /** Draws the network as it is at simulated time `t`. */
  draw(t: number): void {
    const { ctx, canvas, nodes } = this;
    const dpr = window.devicePixelRatio || 1;
    const w = canvas.clientWidth || 600;
    const h = canvas.clientHeight || 420;
    if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
      canvas.width = Math.round(w * dpr);
      canvas.height = Math.round(h * dpr);
    }
    // Peers that went down or came up by now.
    let keep = 0;
    const ch = this.changes;
    for (let o = 0; o < ch.length; o += CHANGE_STRIDE) {
      if (ch[o] <= t) {
        this.alive[ch[o + 1]] = ch[o + 2];
        if (ch[o + 2] === 0) this.downAt[ch[o + 1]] = ch[o];
      } else { ch[keep++] = ch[o]; ch[keep++] = ch[o + 1]; ch[keep++] = ch[o + 2]; }
    }
    ch.length = keep;
    // Fit the layout to the canvas.
    let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    for (const n of nodes) { x0 = Math.min(x0, n.x); x1 = Math.max(x1, n.x); y0 = Math.min(y0, n.y); y1 = Math.max(y1, n.y); }
    const pad = 12;
    const k = Math.min((w - 2 * pad) / (x1 - x0 || 1), (h - 2 * pad) / (y1 - y0 || 1));
    const ox = (w - k * (x1 - x0)) / 2 - k * x0;
    const oy = (h - k * (y1 - y0)) / 2 - k * y0;
    this.fit = { ox, oy, k, t };
    const X = (i: number) => ox + k * nodes[i].x;
    const Y = (i: number) => oy + k * nodes[i].y;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    // Links.
    ctx.globalAlpha = this.peers > 800 ? 0.25 : 0.45;
    ctx.strokeStyle = this.edge;
    ctx.lineWidth = 0.7;
    ctx.beginPath();
    for (let i = 0; i < this.links.length; i += 2) {
      ctx.moveTo(X(this.links[i]), Y(this.links[i])); ctx.lineTo(X(this.links[i + 1]), Y(this.links[i + 1]));
    }
    ctx.stroke();
    ctx.globalAlpha = 1;
    // Messages: arrived ones colour their peer; those on their way are drawn as dots.
    const flight = this.inFlight;
    let kept = 0;
    for (let o = 0; o < flight.length; o += MESSAGE_STRIDE) {
      const sent = flight[o], arrives = flight[o + 1];
      if (arrives <= t) { this.apply(flight.slice(o, o + MESSAGE_STRIDE), t); continue; }
      for (let f = 0; f < MESSAGE_STRIDE; f++) flight[kept++] = flight[o + f];
      if (sent > t) continue;
      const from = flight[o + 2], to = flight[o + 3];
      const f = arrives > sent ? (t - sent) / (arrives - sent) : 1;
      ctx.fillStyle = this.colours[this.colourOf(flight[o + 4])];
      ctx.fillRect(X(from) + (X(to) - X(from)) * f - 1.5, Y(from) + (Y(to) - Y(from)) * f - 1.5, 3, 3);
    }
    flight.length = kept;
    // Peers.
    const r = this.peers > 800 ? 2.2 : this.peers > 200 ? 3.2 : 5;
    let down = 0;
    for (let p = 0; p < this.peers; p++) {
      if (!this.alive[p]) down++;
      const x = X(p), y = Y(p);
      const hot = t - this.lastAt[p] < this.fresh;
      ctx.globalAlpha = this.alive[p] ? 1 : 0.35;
      ctx.fillStyle = !this.alive[p] || this.lastKind[p] < 0 ? this.base : this.colours[this.colourOf(this.lastKind[p])];
      ctx.beginPath();
      ctx.arc(x, y, hot && this.alive[p] ? r * 1.7 : r, 0, 2 * Math.PI);
      ctx.fill();
      if (t - this.downAt[p] < this.fresh * 4) {
        ctx.globalAlpha = 1;
        ctx.strokeStyle = '#d62728';
        ctx.lineWidth = 1.5;
        ctx.beginPath();
        ctx.arc(x, y, r * 2.2, 0, 2 * Math.PI);
        ctx.stroke();
      }
    }
    ctx.globalAlpha = 1;
    // What the picture shows, for tests and screen readers.
    canvas.dataset.down = String(down);
    canvas.setAttribute('aria-label', `the overlay at t = ${t.toFixed(1)} s: ${this.peers - down} of ${this.peers} peers up`);
  }
}
