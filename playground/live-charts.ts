/**
 * The charts that grow while a run goes, from the time series rows the worker reports:
 * coverage of each broadcast, alive peers, largest component, search success, and any
 * other column a family samples, drawn with the report's own chart code.
 */
import { GS, d3, type ChartSpec } from './globals.js';

type Row = Record<string, number | null>;

/** The columns each known chart gathers, and how it is drawn; other columns get a chart each. */
const CHARTS: Array<{ id: string; title: string; y: ChartSpec['y']; columns: (name: string) => boolean; name: (col: string) => string }> = [
  { id: 'coverage', title: 'Coverage over time', y: { label: 'peers informed', percent: true, domain: [0, 1] },
    columns: (c) => /^informed\[\d+\]$/.test(c), name: (c) => `broadcast #${Number(/\d+/.exec(c)![0]) + 1}` },
  { id: 'alive', title: 'Alive peers', y: { label: 'peers alive' }, columns: (c) => c === 'alive', name: () => 'alive' },
  { id: 'component', title: 'Largest component', y: { label: 'fraction of peers', percent: true, domain: [0, 1] },
    columns: (c) => c === 'largestComponentFraction', name: () => 'largest component' },
  { id: 'search', title: 'Search success', y: { label: 'queries answered', percent: true, domain: [0, 1] },
    columns: (c) => c === 'searchSuccess', name: () => 'success rate' },
];

export class LiveCharts {
  private rows: Row[] = [];
  private duration = 1;
  private pending = false;
  private lastDraw = 0;
  /** Bumped on reset: paints queued before it are dropped. */
  private generation = 0;

  constructor(private readonly root: HTMLElement) {}

  reset(duration: number): void {
    this.rows = [];
    this.duration = duration;
    this.generation++;
    this.root.replaceChildren();
  }

  add(rows: Row[]): void {
    this.rows.push(...rows);
    this.schedule();
  }

  /** Draws at most about four times a second, on animation frames. */
  private schedule(): void {
    if (this.pending) return;
    this.pending = true;
    const wait = Math.max(0, 250 - (performance.now() - this.lastDraw));
    setTimeout(() => requestAnimationFrame(() => { this.pending = false; this.lastDraw = performance.now(); this.draw(); }), wait);
  }

  /** The charts the rows so far call for. */
  private specs(): Array<ChartSpec & { id: string }> {
    const rows = this.rows;
    const columns = new Set<string>();
    for (const row of rows) for (const [k, v] of Object.entries(row)) if (k !== 'time' && v !== null) columns.add(k);
    const used = new Set<string>();
    const specs: Array<ChartSpec & { id: string }> = [];
    const x = { label: 'time (s)', domain: [0, this.duration] as [number, number] };
    const points = (col: string) => rows.map((r) => [r.time as number, r[col] ?? null] as [number, number | null]).filter((p) => p[1] !== null);
    for (const chart of CHARTS) {
      const cols = [...columns].filter(chart.columns);
      if (cols.length === 0) continue;
      cols.forEach((c) => used.add(c));
      specs.push({ id: chart.id, title: chart.title, x, y: chart.y, series: cols.map((c) => ({ name: chart.name(c), points: points(c) })), legend: cols.length > 1 });
    }
    for (const col of columns) {
      if (used.has(col)) continue;
      specs.push({ id: col, title: GS().words(col), x, y: { label: GS().words(col) }, series: [{ name: GS().words(col), points: points(col) }], legend: false });
    }
    return specs;
  }

  /**
   * Redraws the charts, each in its own cell: one per animation frame (no frame does all
   * the drawing, so the page stays responsive), or all at once with `now`.
   */
  draw(now = false): void {
    const specs = this.specs();
    const ids = new Set(specs.map((spec) => spec.id));
    for (const cell of Array.from(this.root.children) as HTMLElement[]) if (!ids.has(cell.dataset.chart ?? '')) cell.remove();
    const generation = this.generation;
    const paints = specs.map((spec, i) => {
      let cell = Array.from(this.root.children).find((c) => (c as HTMLElement).dataset.chart === spec.id) as HTMLElement | undefined;
      if (!cell) {
        cell = document.createElement('div');
        cell.className = 'live-chart';
        cell.dataset.chart = spec.id;
      }
      if (this.root.children[i] !== cell) this.root.insertBefore(cell, this.root.children[i] ?? null);
      const target = cell;
      return () => {
        if (generation !== this.generation) return;
        target.replaceChildren();
        target.dataset.points = String(spec.series.reduce((n, s) => n + s.points.length, 0));
        GS().chart(d3.select(target) as never, spec);
      };
    });
    if (now) { paints.forEach((paint) => paint()); return; }
    const next = () => {
      paints.shift()?.();
      if (paints.length > 0) requestAnimationFrame(next);
    };
    next();
  }
}
