/**
 * Settles, as it arrives from another partition, a rumour that is sure to be a duplicate,
 * instead of queueing it: the receiver knows its own peers exactly, which the sender did
 * not. The same test as the elision in EventDelivery.rumour, made at the receiver: the
 * target holds the rumour already (informed before this window, so before the message
 * lands), or a copy of it known to land earlier is in flight to it. Such an arrival does
 * what its event would (one message fewer in flight, one more duplicate) and counts as a
 * phantom event, so the results are those of a run that queued it. Only while elision is
 * on (the broadcast tracks `earliest`), and never for an arrival after the run's end.
 */
import type { PhantomEvents } from '../phantoms.js';
import type { BroadcastState } from '../state.js';
import type { PartitionSimulator } from '../../../parallel/partition-simulator.js';

export function broadcastAdmission(
  sim: PartitionSimulator, states: readonly BroadcastState[], phantoms: PhantomEvents, horizon: number,
): ((time: number, kind: number, target: number, src: number, id: number) => boolean) | null {
  const rumour = sim.kindId('broadcast/rumour');
  if (rumour < 0) return null;
  return (time, kind, target, _src, id) => {
    if (kind !== rumour || time > horizon) return true;
    const st = states[id];
    const earliest = st.earliest;
    if (earliest === null) return true;
    if (st.has(target) || time > earliest[target]) {
      st.pending--;
      st.duplicates++;
      phantoms.add(time);
      return false;
    }
    if (time < earliest[target]) earliest[target] = time;
    return true;
  };
}
