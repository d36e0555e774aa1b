/**
 * Whether a scenario can run split across worker threads, and if not, why: the note a
 * run that falls back to one thread carries (results `engine.workersNote`, and stderr).
 */
import { clampNonNegative, makeSampler } from '../random/distributions.js';
import type { Scenario } from '../scenario/schema.js';
import { familyComponents } from '../run/components.js';
import { MIN_PEERS_PER_PARTITION, usableThreads } from './partition.js';

export interface ParallelPlan {
  /** Threads the run uses (1: one thread, in this process). */
  threads: number;
  /** Conservative time window: the smallest possible message latency, in seconds. */
  lookahead: number;
  /** Why fewer threads than requested are used (null: as many as requested). */
  note: string | null;
}

/** The smallest latency a message can have: the lookahead of conservative windows. */
export function minimumLatency(scenario: Scenario): number {
  return clampNonNegative(makeSampler(scenario.network.latency)).min;
}

/** Names a component in notes ("BroadcastComponent" -> "broadcast"). */
function componentName(c: object): string {
  return c.constructor.name.replace(/Component$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

export function planParallelRun(scenario: Scenario, requested: number): ParallelPlan {
  const lookahead = minimumLatency(scenario);
  const single = (note: string | null): ParallelPlan => ({ threads: 1, lookahead, note });
  if (requested <= 1) return single(null);
  const why = 'ran on one thread (results are identical whatever --workers is)';
  const used = familyComponents(scenario);
  const components = used.flatMap((f) => f.components);
  // Each unsafe component once, with its own reason where it gives one.
  const unsafe = new Map(components.filter((c) => c.parallel !== 'safe').map((c) => [componentName(c), c.parallelNote]));
  if (unsafe.size > 0) {
    const many = unsafe.size > 1;
    const names = [...unsafe].map(([name, note]) => (note ? `${name} (${note})` : name));
    const generic = [...unsafe.values()].some((note) => !note)
      ? ` (${many ? 'their' : 'its'} events read or change other peers' state directly, e.g. peers going down)` : '';
    return single(`${names.join(', ')} ${many ? 'are' : 'is'} not partition-safe${generic}; ${why}.`);
  }
  // A family splits through its own contract (Family.split, parallel/split.ts).
  const unsplit = used.filter((f) => !f.family.split).map((f) => f.family.name);
  if (unsplit.length > 0) {
    return single(`${unsplit.join(', ')} ${unsplit.length > 1 ? 'have' : 'has'} no split form yet; ${why}.`);
  }
  const capacity = peerCapacity(scenario);
  const refused = used.flatMap((f) => {
    const reason = f.family.split!.refuse?.(scenario, capacity) ?? null;
    return reason === null ? [] : [`${f.family.name} (${reason})`];
  });
  if (refused.length > 0) {
    return single(`${refused.join(', ')} cannot run split; ${why}.`);
  }
  if (!(lookahead > 0)) {
    return single(`network.latency can be 0 (its distribution has no positive minimum), so there is `
      + `no lookahead for conservative time windows; ${why}.`);
  }
  // Windows of length `lookahead` must move time forward at every instant of the run.
  if (scenario.duration + lookahead === scenario.duration || lookahead < scenario.duration * 1e-12) {
    return single(`the minimum latency (${lookahead} s) is too small next to the duration to serve as a time window; ${why}.`);
  }
  const threads = usableThreads(scenario.peers.count, requested);
  if (threads < 2) {
    return single(`a parallel run needs at least ${MIN_PEERS_PER_PARTITION} peers per thread; ${why}.`);
  }
  const note = threads < requested
    ? `${threads} threads used of the ${requested} requested (at least ${MIN_PEERS_PER_PARTITION} peers per thread).`
    : null;
  return { threads, lookahead, note };
}

/** Peer ids a split run may hand out: the initial peers and every family's arrivals. */
export function peerCapacity(scenario: Scenario): number {
  let capacity = scenario.peers.count;
  for (const { family } of familyComponents(scenario)) capacity += family.split?.arrivals?.(scenario) ?? 0;
  return capacity;
}
