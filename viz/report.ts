/**
 * Renders a run's results or a sweep's results as ONE self-contained HTML page (see
 * report-page.ts), with the assets read from disk and Node's SHA-256.
 */
import { createHash } from 'node:crypto';
import type { Results } from '../sim/run/results.js';
import type { SweepResults } from '../sim/run/sweep-results.js';
import { reportAssets } from './assets.js';
import { renderReportPage } from './report-page.js';

export { isSweep, provenanceLine } from './report-page.js';

export const sha256Base64 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('base64');

/** The report page for a run (Results) or a sweep (SweepResults). */
export function renderReport(data: Results | SweepResults): string {
  return renderReportPage(data, reportAssets(), sha256Base64);
}
