/**
 * The capacity family's part of a sweep report: for a sweep over `peers.count`, each mode's
 * lower bound against N, drawn dashed under the simulated distribution times.
 */
import type { SweepResults } from '../../run/sweep-results.js';
import { distMean, distMin } from '../../../viz/theory.js';
import { capacityLowerBound } from './bounds.js';

export interface CapacityBoundLine {
  mode: string;
  label: string;
  points: Array<[number, number]>;
}

const numbers = (values: unknown[]): number[] => values.filter((v): v is number => typeof v === 'number');

/**
 * A mode the sweep ran uses the bounds the simulator reported (from the peers' actual drawn
 * bandwidths); a mode it did not run uses the formula with the mean upload and the smallest
 * possible download of the scenario's distributions. Empty without capacity or peers.count.
 */
export function capacitySweepBounds(s: SweepResults): CapacityBoundLine[] {
  const capacity = s.scenario?.capacity;
  const countAxis = s.vary.find((v) => v.path === 'peers.count');
  if (!capacity || !countAxis) return [];
  const counts = numbers(countAxis.values).sort((a, b) => a - b);
  const modeAxis = s.vary.find((v) => v.path === 'capacity.mode');
  const modesRun = new Set<string>(modeAxis ? modeAxis.values.map(String) : [capacity.mode]);
  const out: CapacityBoundLine[] = [];
  for (const mode of ['client-server', 'p2p']) {
    let points: Array<[number, number]> = [];
    if (modesRun.has(mode)) {
      for (const n of counts) {
        const bounds = s.points
          .filter((p) => p.values['peers.count'] === n && (p.values['capacity.mode'] ?? capacity.mode) === mode)
          .map((p) => p.metrics['capacity.lowerBound']?.mean)
          .filter((v): v is number => typeof v === 'number');
        if (bounds.length) points.push([n, bounds.reduce((a, b) => a + b, 0) / bounds.length]);
      }
    }
    let label = `lower bound (${mode})`;
    if (points.length === 0) {
      const meanUpload = distMean(capacity.peer.upload);
      if (meanUpload === null) continue;
      const params = { file: capacity.file, serverUpload: capacity.server.upload, meanPeerUpload: meanUpload,
        minPeerDownload: distMin(capacity.peer.download) };
      points = counts.map((n) => [n, capacityLowerBound(mode, n, params)]);
      label = `lower bound (${mode}, formula)`;
    }
    out.push({ mode, label, points });
  }
  return out;
}
