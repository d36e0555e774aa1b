/**
 * What a trace holds, in numbers: peers, sessions, span, session-length and downtime
 * quantiles, exponential and Weibull fits of the session lengths, and the empirical CDF
 * beside the fitted ones (for the report). Printed by `gossipsim trace-summary`.
 */
import {
  empiricalCdf, exponentialCdf, fitExponential, fitWeibull, logSpaced, quantileSorted, weibullCdf,
  type ExponentialFit, type WeibullFit,
} from './fits.js';
import { onlineAt, type Trace } from './trace.js';

export const SUMMARY_QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95, 0.99] as const;
/** Points of the CDF curves in a summary (log-spaced session lengths). */
const CDF_POINTS = 60;

export interface TraceSummary {
  file: string;
  format: string;
  peers: number;
  sessions: number;
  zeroLengthDropped: number;
  /** First session start and last session end, trace seconds (FTA: from the earliest event). */
  start: number;
  end: number;
  /** Most peers online at once, and the mean online over the span (time-weighted). */
  maxOnline: number;
  meanOnline: number;
  sessionLength: { mean: number; quantiles: Record<string, number> } | null;
  downtime: { count: number; mean: number; quantiles: Record<string, number> } | null;
  fits: { exponential: ExponentialFit; weibull: WeibullFit | null } | null;
  /** Session-length CDF: x (s), the empirical fraction <= x, and the two fitted CDFs. */
  cdf: { x: number[]; empirical: number[]; weibull: Array<number | null>; exponential: number[] } | null;
}

function quantilesOf(sorted: Float64Array): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of SUMMARY_QUANTILES) out[`p${Math.round(p * 100)}`] = quantileSorted(sorted, p);
  return out;
}

function mean(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s / a.length;
}

const summaries = new WeakMap<Trace, TraceSummary>();

/** The trace's summary and fits, computed once per loaded trace (every run of a sweep replays the same one). */
export function summarizeTrace(trace: Trace): TraceSummary {
  let summary = summaries.get(trace);
  if (!summary) summaries.set(trace, (summary = computeSummary(trace)));
  return summary;
}

function computeSummary(trace: Trace): TraceSummary {
  const n = trace.start.length;
  const lengths = new Float64Array(n);
  const end = trace.lastEnd;
  for (let i = 0; i < n; i++) lengths[i] = trace.end[i] - trace.start[i];
  // Downtimes: the gap between consecutive sessions of a peer (sessions come in start order).
  const lastEnd = new Float64Array(trace.ids.length).fill(NaN);
  const gaps: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = trace.peer[i];
    if (!Number.isNaN(lastEnd[p])) gaps.push(trace.start[i] - lastEnd[p]);
    lastEnd[p] = trace.end[i];
  }
  const start = n > 0 ? trace.start[0] : 0;
  // Peers online over time: a sweep over the sorted start and end times.
  const ends = Float64Array.from(trace.end).sort();
  let online = 0, maxOnline = 0, area = 0, t = start, j = 0;
  for (let i = 0; i <= n; i++) {
    const next = i < n ? trace.start[i] : Infinity;
    while (j < n && ends[j] <= next) { area += online * (ends[j] - t); t = ends[j]; online--; j++; }
    if (i === n) break;
    area += online * (next - t); t = next; online++;
    if (online > maxOnline) maxOnline = online;
  }
  const sorted = lengths.slice().sort();
  const distinct = n > 1 && sorted[0] !== sorted[n - 1];
  const exponential = n > 0 ? fitExponential(lengths) : null;
  const weibull = distinct ? fitWeibull(lengths) : null;
  let cdf: TraceSummary['cdf'] = null;
  if (n > 0 && exponential) {
    const x = sorted[0] < sorted[n - 1] ? logSpaced(sorted[0], sorted[n - 1], CDF_POINTS) : [sorted[0]];
    cdf = {
      x,
      empirical: x.map((v) => empiricalCdf(sorted, v)),
      weibull: x.map((v) => (weibull ? weibullCdf(v, weibull) : null)),
      exponential: x.map((v) => exponentialCdf(v, exponential)),
    };
  }
  const sortedGaps = Float64Array.from(gaps).sort();
  return {
    file: trace.file,
    format: trace.format,
    peers: trace.ids.length,
    sessions: n,
    zeroLengthDropped: trace.zeroLength,
    start, end,
    maxOnline,
    meanOnline: end > start ? area / (end - start) : onlineAt(trace, start),
    sessionLength: n > 0 ? { mean: mean(lengths), quantiles: quantilesOf(sorted) } : null,
    downtime: gaps.length > 0 ? { count: gaps.length, mean: mean(sortedGaps), quantiles: quantilesOf(sortedGaps) } : null,
    fits: exponential ? { exponential, weibull } : null,
    cdf,
  };
}

/** Seconds in the most readable unit, 3 significant digits. */
export function formatSeconds(s: number): string {
  const units: Array<[number, string]> = [[86400, 'd'], [3600, 'h'], [60, 'min'], [1, 's']];
  for (const [size, name] of units) if (Math.abs(s) >= size) return `${Number((s / size).toPrecision(3))} ${name}`;
  return s === 0 ? '0 s' : `${Number(s.toPrecision(3))} s`;
}

/** The summary as the text `gossipsim trace-summary` prints. */
export function formatTraceSummary(s: TraceSummary): string {
  const lines: string[] = [];
  const q = (r: Record<string, number>) => Object.entries(r).map(([k, v]) => `${k} ${formatSeconds(v)}`).join(', ');
  lines.push(`trace     ${s.file} (${s.format === 'csv' ? 'session CSV' : 'FTA event table'})`);
  lines.push(`peers     ${s.peers}  (simulated peers 0..${Math.max(0, s.peers - 1)}, numbered by first session)`);
  lines.push(`sessions  ${s.sessions}${s.zeroLengthDropped > 0 ? `  (${s.zeroLengthDropped} of zero length dropped)` : ''}`);
  lines.push(`span      ${formatSeconds(s.start)} to ${formatSeconds(s.end)}; online at once: at most ${s.maxOnline}, ${Number(s.meanOnline.toPrecision(4))} on average`);
  if (s.sessionLength) lines.push(`session   mean ${formatSeconds(s.sessionLength.mean)}; ${q(s.sessionLength.quantiles)}`);
  if (s.downtime) lines.push(`downtime  ${s.downtime.count} gaps, mean ${formatSeconds(s.downtime.mean)}; ${q(s.downtime.quantiles)}`);
  else lines.push('downtime  none (no peer has two sessions)');
  if (s.fits) {
    const e = s.fits.exponential, w = s.fits.weibull;
    lines.push('fits of the session lengths (maximum likelihood):');
    lines.push(`  exponential  mean ${formatSeconds(e.mean)} (${Number(e.mean.toPrecision(6))} s)            log-likelihood ${e.logLikelihood.toFixed(1)}`);
    if (w) {
      lines.push(`  weibull      shape ${w.shape.toFixed(3)}, scale ${formatSeconds(w.scale)} (${Number(w.scale.toPrecision(6))} s)  log-likelihood ${w.logLikelihood.toFixed(1)}`);
      lines.push(`  as a scenario: churn.session: { dist: weibull, shape: ${Number(w.shape.toPrecision(3))}, scale: ${Number(w.scale.toPrecision(4))}s }`);
    } else {
      lines.push('  weibull      needs at least two different session lengths');
    }
  }
  return lines.join('\n') + '\n';
}
