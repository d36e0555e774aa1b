/**
 * Phantom events: rumour arrivals known when they are sent to change nothing but counters
 * (a duplicate), so never queued (see EventDelivery.rumour). The run counts them as events
 * and is not idle before the last of them, so results do not depend on which arrivals were
 * settled this way. The broadcast family's own bookkeeping: the scheduler knows nothing of it.
 */
import type { SettledEvents } from '../../run/context.js';

export class PhantomEvents implements SettledEvents {
  /** Arrivals settled so far. */
  events = 0;
  /** Time of the latest of them (0: none). */
  horizon = 0;

  /** Counts an arrival at `time` that is not queued. */
  add(time: number): void {
    this.events++;
    if (time > this.horizon) this.horizon = time;
  }
}
