/**
 * Chord and Kademlia in a split run (sim/parallel/split.ts). A peer's tables, the pointers
 * it stores and its request timers are its own, changed only by its events, in its owner's
 * thread: the tables live once, in shared memory, each thread building and writing its own
 * peers' rows, and each thread keeps its own peers' pointers. Every thread draws every
 * peer's ID (global knowledge, as on one thread). A lookup lives at its origin: its requests and replies are messages,
 * and only the origin's thread knows it. Each thread counts its own lookups and messages,
 * and the counts add up (the first successful lookup, for the ring view, is the earliest
 * over the threads by (time, tie)); the series' success rate reads the counts summed at
 * the last barrier, which is every lookup ended by the sampling instant. A Chord handover's
 * pointers travel beside its message (one thread keeps them in memory, by number): a
 * thread writes those bound for another thread's peer to its own shared buffer of the
 * window's parity, and after the barrier every thread takes those for its peers, before
 * the message (sent in that window, so arriving after it) is handled. A recursive lookup's
 * forwarded message carries all it needs (its path and counters), so it hops across threads.
 */
import type { SplitContract } from '../../parallel/split.js';
import { Chord } from './chord.js';
import { StructuredComponent, combinePartials, fillSection, routingTables, type StructuredPartial } from './component.js';
import { tablesOver } from './core.js';
import type { StructuredResults } from './results-section.js';

/** Board cells a partition publishes: lookups ended, and succeeded, in it. */
const CELLS = 2;
/** Handover buffers: Float64, [0] the length used, then records (to, id, n, n × (item, holder, expires)). */
const HANDOVER_BYTES = 4096;
const MAX_HANDOVER_BYTES = 2_147_483_648; // 2^31

type GrowableConstructor = new (bytes: number, options: { maxByteLength: number }) => SharedArrayBuffer;

interface StructuredShare {
  partial: StructuredPartial;
  /** Partition 0: its section, the figures that add up to be replaced by everyone's. */
  section: StructuredResults | null;
  hasRecords: boolean;
}

export const structuredSplit: SplitContract = {
  // Per partition and window parity, its handovers to other threads' peers (partition i, parity q:
  // buffer 2i + q); then who has joined; then the routing tables.
  setup: (scenario, threads, _blockSize, capacity) => ({
    buffers: [
      ...Array.from({ length: 2 * threads }, () => new (SharedArrayBuffer as unknown as GrowableConstructor)(HANDOVER_BYTES, { maxByteLength: MAX_HANDOVER_BYTES })),
      // Who has joined (1 byte a peer, arrivals included).
      new SharedArrayBuffer(Math.max(1, capacity)),
      ...Object.values(tablesOver(routingTables(scenario.structured!, scenario.peers.count), capacity, (_i, bytes) => new SharedArrayBuffer(bytes), true))
        .map((a) => a.buffer as SharedArrayBuffer),
    ],
    cells: CELLS,
    lanes: 0,
  }),
  partition(scenario, env) {
    let count = 0, successes = 0;
    const component = new StructuredComponent(scenario.structured!, {
      lo: env.lo,
      hi: env.hi,
      owns: (p) => env.owns(p),
      joined: new Uint8Array(env.buffers[2 * env.threads], 0, Math.max(1, env.capacity)),
      tables: tablesOver(routingTables(scenario.structured!, scenario.peers.count), env.capacity, (i) => env.buffers[2 * env.threads + 1 + i], false),
      tie: () => env.sim.currentTie,
      ended: () => ({ count, successes }),
    });
    let parity = 0, chord: Chord | null = null;
    const mine = (q: number) => env.buffers[2 * env.me + q];
    let out = new Float64Array(mine(0));
    out[0] = 1;
    /** Appends a handover to another thread's peer to this window's buffer (false: `to` is this thread's). */
    const handoverOut = (to: number, id: number, entries: number[]): boolean => {
      if (env.owns(to)) return false;
      const used = out[0], need = (used + 3 + entries.length) * 8, buffer = mine(parity);
      if (need > buffer.byteLength) {
        if (need > MAX_HANDOVER_BYTES) throw new Error('parallel: too many Chord handovers in one window for the shared buffer');
        (buffer as unknown as { grow(bytes: number): void }).grow(Math.min(MAX_HANDOVER_BYTES, Math.max(need, 2 * buffer.byteLength)));
        out = new Float64Array(buffer);
      }
      out[used] = to; out[used + 1] = id; out[used + 2] = entries.length;
      out.set(entries, used + 3);
      out[0] = used + 3 + entries.length;
      return true;
    };
    /** After a barrier: the handovers other threads sent to this thread's peers in the window just run. */
    const takeHandovers = () => {
      for (let i = 0; i < env.threads; i++) {
        if (i === env.me) continue;
        const b = new Float64Array(env.buffers[2 * i + parity]);
        for (let k = 1; k < b[0];) {
          const to = b[k], id = b[k + 1], n = b[k + 2];
          if (env.owns(to)) chord!.receiveHandover(id, Array.from(b.subarray(k + 3, k + 3 + n)));
          k += 3 + n;
        }
      }
      // The next window writes the other parity's buffer (read by all before the barrier after it).
      parity ^= 1;
      out = new Float64Array(mine(parity));
      out[0] = 1;
    };
    return {
      components: [component],
      // A refresh of global knowledge reads every peer's joined flag.
      peersChangeWhatControllersRead: true,
      started() {
        if (component.protocol instanceof Chord) {
          chord = component.protocol;
          chord.handoverStep = env.threads;
          chord.handoverOut = handoverOut;
          // Numbered me, me + threads, ...: no two threads use one number.
          for (let k = 0; k < env.me; k++) chord.skipHandoverNumber();
        }
      },
      publish(cells, at) {
        cells[at] = component.tally.count;
        cells[at + 1] = component.tally.successes;
      },
      gather(cells, at) {
        count = 0; successes = 0;
        for (let i = 0; i < env.threads; i++) { count += cells[at(i)]; successes += cells[at(i) + 1]; }
        if (chord) takeHandovers();
      },
      share(ctx) {
        const data: StructuredShare = {
          partial: component.partial(ctx),
          section: env.me === 0 ? component.summary(ctx) : null,
          hasRecords: component.core.records !== null,
        };
        return { data };
      },
    };
  },
  merge(target, shares) {
    const parts = shares as StructuredShare[];
    const section = parts[0].section!;
    fillSection(section, combinePartials(parts.map((p) => p.partial)), parts[0].hasRecords);
    target.results.structured = section;
  },
};
