/**
 * What a run should tell its user about the engine it ran on: under `engine: cycle`, the
 * parts of the scenario that have no round-based version run event-driven underneath.
 */
import { FAMILIES } from '../families/families.js';
import type { Scenario } from '../scenario/schema.js';

/** Position of a dotted key path in the scenario's own key order (schema order). */
function keyOrder(scenario: Scenario, path: string): number[] {
  const order: number[] = [];
  let node: unknown = scenario;
  for (const key of path.split('.')) {
    const keys = node && typeof node === 'object' ? Object.keys(node) : [];
    order.push(keys.indexOf(key));
    node = (node as Record<string, unknown> | null)?.[key];
  }
  return order;
}

function compareOrder(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Under `engine: cycle` the broadcasts run in synchronous rounds (no per-message latency);
 * what a family says has no round-based version keeps the event engine, `network.latency`
 * included, and interleaves with the rounds in simulated time. One note per such part, in
 * scenario order; none for the event engine. The CLI prints them on stderr.
 */
export function engineNotes(scenario: Scenario): string[] {
  if (scenario.engine !== 'cycle') return [];
  const parts = FAMILIES.flatMap((family) => family.eventDrivenParts?.(scenario) ?? [])
    .map((p) => ({ ...p, order: keyOrder(scenario, p.key) }))
    .sort((a, b) => compareOrder(a.order, b.order));
  return parts.map(({ part }) => `engine: cycle covers broadcasts only; ${part} runs event-driven, with network.latency.`);
}
