/**
 * What the page's other scripts define: d3 (its UMD bundle) and GS, the report's client
 * code, whose chart and number formats the playground's live charts use.
 */
import type * as D3 from 'd3';

export interface ChartSeries {
  name: string;
  points: Array<[number, number | null]>;
  color?: string;
}

export interface ChartSpec {
  title: string;
  x: { label: string; domain?: [number, number] };
  y: { label: string; percent?: boolean; clamp?: [number, number]; domain?: [number, number] };
  series: ChartSeries[];
  legend?: boolean;
}

export interface ReportClient {
  chart(parent: D3.Selection<HTMLElement, unknown, null, undefined>, spec: ChartSpec): unknown;
  color(i: number): string;
  words(name: string): string;
  fmt(v: number): string;
  pct(v: number): string;
  dur(v: number): string;
  /** The report's tooltip: a heading and rows of [colour or null, text] (text only, never HTML). */
  showTip(event: MouseEvent, head: string, rows: Array<[string | null, string]>): void;
  hideTip(): void;
}

export const d3 = (globalThis as unknown as { d3: typeof D3 }).d3;
export const GS = (): ReportClient => (globalThis as unknown as { GS: ReportClient }).GS;
