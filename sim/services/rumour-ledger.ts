/**
 * The rumours peers hold, as the broadcast family offers them to anti-entropy (churn
 * `sync`): a named service, so churn depends on the interface, not on the broadcast engine.
 */
import { serviceKey } from '../run/services.js';
import type { Scenario } from '../scenario/schema.js';

export interface RumourLedger {
  /** Number of rumours started so far (ids 0..count-1). */
  count(): number;
  has(peer: number, rumour: number): boolean;
  /** Gives `peer` the rumour now (as if received by anti-entropy); no-op if it has it. */
  deliver(peer: number, rumour: number): void;
}

/** Provided by the broadcast component when a scenario has broadcasts; absent otherwise. */
export const RUMOUR_LEDGER = serviceKey<RumourLedger>('rumour-ledger');

/**
 * The most rumours a run may start, known before any component starts (anti-entropy sizes
 * its replies by it): the broadcasts' counts together, as the ledger numbers them.
 */
export function rumourCapacity(scenario: Scenario): number {
  return scenario.workload.broadcasts.reduce((sum, b) => sum + b.count, 0);
}
