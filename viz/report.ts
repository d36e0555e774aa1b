/**
 * Renders a run's results or a sweep's results as ONE self-contained HTML page (see
 * report-page.ts), with the assets read from disk.
 */
import type { Results } from '../sim/run/results.js';
import type { SweepResults } from '../sim/run/sweep-results.js';
import { reportAssets } from './assets.js';
import { renderReportPage } from './report-page.js';

export { isSweep, provenanceLine } from './report-page.js';

/** The report page for a run (Results) or a sweep (SweepResults). */
export function renderReport(data: Results | SweepResults): string {
  return renderReportPage(data, reportAssets());
}
