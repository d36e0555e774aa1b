/**
 * What a run should tell its user about the engine it ran on: under `engine: cycle`, the
 * parts of the scenario that have no round-based version run event-driven underneath.
 */
import type { Scenario } from '../scenario/schema.js';

/**
 * Under `engine: cycle` the broadcasts run in synchronous rounds (no per-message latency);
 * searches, capacity, churn and peer sampling keep the event engine, `network.latency`
 * included, and interleave with the rounds in simulated time. One note per such part, in
 * scenario order; none for the event engine. The CLI prints them on stderr.
 */
export function engineNotes(scenario: Scenario): string[] {
  if (scenario.engine !== 'cycle') return [];
  const parts: string[] = [];
  if (scenario.overlay.sampling) parts.push(`peer sampling (overlay.sampling: ${scenario.overlay.sampling.protocol})`);
  if (scenario.workload.searches.length > 0) parts.push('searches (workload.searches)');
  if (scenario.churn) parts.push('churn (peers leave and join at any time between rounds)');
  if (scenario.capacity) parts.push('capacity (file distribution is bandwidth-driven)');
  return parts.map((part) => `engine: cycle covers broadcasts only; ${part} runs event-driven, with network.latency.`);
}
