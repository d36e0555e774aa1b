/**
 * Searches in a split run (sim/parallel/split.ts): floods, random walks, expanding rings,
 * the super-peer directory and dht searches (whose lookup lives at the origin, in the
 * structured family: the query's events are the origin thread's alone). Every thread
 * launches every query (controller events run inline, among each thread's own events, so
 * a launch ends no window: the same origins, items and slots everywhere, as a launch
 * reads only who is alive and the data, which change at other controller events alone);
 * the origin's thread sends its first messages, and each thread handles the messages to
 * its own peers. A query's figures are spread over the partitions: its messages in
 * flight (sent here less received here), message counts, peers probed, its latest event
 * and first hit here, and (at the origin's thread) its answers. At every barrier each
 * partition publishes them for every active query (a shared table, one row per query
 * position and partition, two parities like the board), and every thread sums them alike:
 * - a query with nothing in flight anywhere fell quiet at its latest event over the
 *   partitions (in (time, tie) order, as a one-thread run sees it). It has ended, unless
 *   an expanding ring starts its next ring: every thread sends it as of that instant
 *   (SearchRuntime.sendRing), in the order the queries fell quiet, and the next window
 *   starts no later than its first arrival. Where the origin's links may have changed
 *   since (churn, repair, peer sampling), its thread sends them as of that instant first;
 * - the search size (peers probed when the first holder was probed) counts each
 *   partition's visits up to the first hit over the partitions: a partition logs the
 *   times of its visits of the current window, and once the hit is known (at the barrier
 *   after its window) counts those up to it; the counts are summed one barrier later.
 * Ended queries are added to the tallies in end order once their figures are complete,
 * and the series' success rate counts them at the sampling instants after their end.
 * The directory's attachments are the same in every thread, but under churn, where each
 * peer's are its own and each thread counts its own peers' registrations (super-peers.ts).
 */
import type { Scenario } from '../../scenario/schema.js';
import type { SimContext } from '../../run/context.js';
import { contributionOf, type MergeTarget, type PartitionEnv, type SplitContract, type SplitPart } from '../../parallel/split.js';
import type { Results } from '../../run/results.js';
import { SearchComponent, type SearchSplitHooks } from './component.js';
import type { QuerySlot } from './query-slot.js';
import type { Linkable } from '../../overlay/graph.js';
import type { QueryFigures } from './stats.js';

/** Fields a partition publishes per active query. */
const INFLIGHT = 0, QUERY_MSGS = 1, ANSWER_MSGS = 2, CONTROL_MSGS = 3, VISITS = 4, LAST_TIME = 5, LAST_TIE = 6,
  HIT_TIME = 7, HIT_TIE = 8, PROBES = 9, ANSWERS = 10, TIME_TO_HIT = 11, HOPS_TO_HIT = 12;
const FIELDS = 13;
/** Query positions the table holds at first (it grows: a growable SharedArrayBuffer). */
const INITIAL_POSITIONS = 256;
const MAX_TABLE_BYTES = 2_147_483_648; // 2^31

type GrowableConstructor = new (bytes: number, options: { maxByteLength: number }) => SharedArrayBuffer;

const earlier = (ta: number, ka: number, tb: number, kb: number) => ta < tb || (ta === tb && ka < kb);

/** What every thread knows of one query while it is active (by slot index). */
interface Query {
  slot: QuerySlot;
  /** This partition: its latest event of the query, its first hit (Infinity: none). */
  lastTime: number;
  lastTie: number;
  hitTime: number;
  hitTie: number;
  /** This partition's visits in completed windows, and the times of this window's. */
  visitsBefore: number;
  log: Float64Array;
  logLength: number;
  /** The first hit over all partitions is known; this partition's visits up to it (−1: not yet). */
  hitKnown: boolean;
  probes: number;
  /** Summed over the partitions (once known): the search size, −1 without a hit. */
  probesTotal: number;
  probesReady: boolean;
  /** Nothing in flight anywhere: ended at (endTime, endTie), with these figures. */
  ended: boolean;
  endTime: number;
  endTie: number;
  figures: QueryFigures;
  /** While it is quiet at a barrier: its table position, and whether an answer reached the origin. */
  position: number;
  answered: boolean;
}

/** Why a search protocol does not split (the others do; dht searches with the structured family's split). */
const UNSPLIT: Record<string, string> = {};

function refuse(scenario: Scenario): string | null {
  const reasons = [...new Set(scenario.workload.searches.map((s) => UNSPLIT[s.protocol]).filter((r) => r !== undefined))];
  return reasons.length === 0 ? null : reasons.join(', ');
}

/**
 * Whether the origins' links may change between a ring's quiet instant and the barrier that
 * learns of it (churn's and repair's peer events, a refresh of peer sampling's overlay): then
 * the origin's thread logs its ring origins' lists before each change and sends, after one
 * more barrier, each restarting ring's origin's list as of its quiet instant to every thread.
 */
function linksMayChange(scenario: Scenario): boolean {
  return scenario.workload.searches.some((s) => s.protocol === 'expanding-ring')
    && (!!scenario.churn || !!scenario.overlay.sampling || (scenario.overlay.repair && scenario.failures.length > 0));
}

/** One origin's list just before a change at (time, tie). */
interface LinkChange { time: number; tie: number; peer: number; list: Int32Array }

/** A peer's list as a Linkable (for the ring it sends). */
const listLinks = (list: Int32Array): Linkable => ({ degree: () => list.length, neighbor: (_p, i) => list[i], contains: (_p, q) => list.includes(q) });

const LIST_BYTES = 4096;

function partition(scenario: Scenario, env: PartitionEnv): SplitPart {
  const { me, threads, sim } = env;
  sim.runInline('search/launch');
  const buffer = env.buffers[0], lists = env.buffers.slice(1);
  // Fixed-length views, made again when the table grows: a length-tracking view of a
  // growable buffer is several times slower to read and write in V8.
  const view = () => new Float64Array(buffer, 0, buffer.byteLength >> 3);
  let table = view();
  /** The active queries by slot index (null: a free slot). */
  const queries: Array<Query | null> = [];
  /** Active queries in launch order (the same in every thread): their table positions. */
  let active: Query[] = [];
  /** Ended queries in end order: `counted` of them counted for the series, `tallied` added up. */
  const ended: Query[] = [];
  let counted = 0, tallied = 0;
  let parity = 0;
  /** After the last exchange: the queries still going, with their figures as they stand. */
  const open: Array<{ q: Query; figures: QueryFigures }> = [];
  const owns = env.owns;
  const tracked = linksMayChange(scenario);
  let ctx: SimContext | null = null;
  /** This thread's origins of active expanding rings (queries each), and their lists before each change since the last barrier. */
  const watched = new Map<number, number>();
  const changes: LinkChange[] = [];
  const isRing = (q: Query) => q.slot.protocol.name === 'expanding-ring';
  const watch = (q: Query, by: number) => {
    const o = q.slot.origin, n = (watched.get(o) ?? 0) + by;
    if (n > 0) watched.set(o, n);
    else watched.delete(o);
  };
  const note = (p: number) => {
    const g = ctx!.overlay, o = g.offset[p];
    changes.push({ time: sim.now, tie: sim.currentTie, peer: p, list: g.adj.slice(o, o + g.deg[p]) });
  };
  const beforeChange = (p: number) => {
    if (p >= 0) {
      if (watched.has(p)) note(p);
    } else for (const o of watched.keys()) note(o);
  };

  const hooks: SearchSplitHooks = {
    owns,
    launched(slot) {
      const q: Query = {
        slot, lastTime: -Infinity, lastTie: 0, hitTime: Infinity, hitTie: 0, visitsBefore: 0, log: new Float64Array(32), logLength: 0,
        hitKnown: false, probes: -1, probesTotal: -1, probesReady: false, ended: false, endTime: 0, endTie: 0, figures: null!,
        position: 0, answered: false,
      };
      queries[slot.index] = q;
      active.push(q);
      if (tracked && isRing(q) && owns(slot.origin)) watch(q, 1);
    },
    event(slot) {
      const q = queries[slot.index]!;
      q.lastTime = sim.now;
      q.lastTie = sim.currentTie;
    },
    visited(slot) {
      const q = queries[slot.index]!;
      if (q.hitKnown) return;
      if (2 * q.logLength + 2 > q.log.length) {
        const log = new Float64Array(q.log.length * 2);
        log.set(q.log);
        q.log = log;
      }
      q.log[2 * q.logLength] = sim.now;
      q.log[2 * q.logLength + 1] = sim.currentTie;
      q.logLength++;
    },
    hit(slot) {
      const q = queries[slot.index]!;
      q.hitTime = sim.now;
      q.hitTie = sim.currentTie;
    },
  };
  const component = new SearchComponent({ split: hooks });

  /** Makes room in the shared table for `positions` query positions (every thread asks alike). */
  function ensure(positions: number): void {
    const need = positions * 2 * threads * FIELDS * 8;
    if (buffer.byteLength < need) {
      const next = Math.min(MAX_TABLE_BYTES, Math.max(need, buffer.byteLength * 2));
      if (next < need) throw new Error('parallel: too many searches active at once for the shared search table');
      try {
        (buffer as unknown as { grow(bytes: number): void }).grow(next);
      } catch (e) {
        // Another thread grew it first (to the same size or more).
        if (buffer.byteLength < need) throw e;
      }
    }
    if (table.length * 8 < need) table = view();
  }
  const at = (position: number, p: number, partition: number) => ((position * 2 + p) * threads + partition) * FIELDS;

  function publish(): void {
    ensure(active.length);
    for (let i = 0; i < active.length; i++) {
      const q = active[i], slot = q.slot, f = at(i, parity, me);
      table[f + INFLIGHT] = slot.inFlight;
      table[f + QUERY_MSGS] = slot.queryMessages;
      table[f + ANSWER_MSGS] = slot.answerMessages;
      table[f + CONTROL_MSGS] = slot.controlMessages;
      table[f + VISITS] = slot.peersProbed;
      table[f + LAST_TIME] = q.lastTime;
      table[f + LAST_TIE] = q.lastTie;
      table[f + HIT_TIME] = q.hitTime;
      table[f + HIT_TIE] = q.hitTie;
      table[f + PROBES] = q.probes;
      table[f + ANSWERS] = slot.answers;
      table[f + TIME_TO_HIT] = slot.timeToHit;
      table[f + HOPS_TO_HIT] = slot.hopsToHit;
    }
  }

  /** Reads every partition's figures; `final`: also keeps the figures of the queries still going. */
  function gather(final = false): number {
    const p = parity;
    parity ^= 1;
    const quiet: Query[] = [];
    for (let i = 0; i < active.length; i++) {
      const q = active[i], slot = q.slot;
      let inFlight = 0, hitTime = Infinity, hitTie = 0, probes = 0, allProbes = true;
      for (let j = 0; j < threads; j++) {
        const f = at(i, p, j);
        inFlight += table[f + INFLIGHT];
        if (earlier(table[f + HIT_TIME], table[f + HIT_TIE], hitTime, hitTie)) { hitTime = table[f + HIT_TIME]; hitTie = table[f + HIT_TIE]; }
        if (table[f + PROBES] < 0) allProbes = false;
        else probes += table[f + PROBES];
      }
      if (q.hitKnown && allProbes && !q.probesReady) {
        q.probesTotal = probes;
        q.probesReady = true;
      }
      if (!q.hitKnown && hitTime < Infinity) {
        // The first hit overall lies in the window just ended: this partition's visits up to it.
        let n = q.visitsBefore;
        for (let k = 0; k < q.logLength; k++) if (!earlier(hitTime, hitTie, q.log[2 * k], q.log[2 * k + 1])) n++;
        q.hitKnown = true;
        q.probes = n;
        q.logLength = 0;
      } else if (!q.hitKnown) {
        q.visitsBefore += q.logLength;
        q.logLength = 0;
      }
      if (final && !q.ended && inFlight !== 0) open.push({ q, figures: figuresOf(slot, i, p) });
      if (!q.ended && inFlight === 0) {
        let endTime = -Infinity, endTie = 0, answers = 0;
        for (let j = 0; j < threads; j++) {
          const f = at(i, p, j);
          if (earlier(endTime, endTie, table[f + LAST_TIME], table[f + LAST_TIE])) { endTime = table[f + LAST_TIME]; endTie = table[f + LAST_TIE]; }
          answers += table[f + ANSWERS];
        }
        q.endTime = endTime;
        q.endTie = endTie;
        q.position = i;
        q.answered = answers > 0;
        quiet.push(q);
      }
    }
    // In the order a thread would have seen them fall quiet: a ring restarts then (its
    // draws and tie-breaks follow that order) unless the query is over.
    quiet.sort((a, b) => (earlier(a.endTime, a.endTie, b.endTime, b.endTie) ? -1 : 1));
    const links = tracked ? shareLinks(quiet) : null;
    for (let i = 0; i < quiet.length; i++) {
      const q = quiet[i];
      const lostRings = component.quietSplit(q.slot, q.answered, q.endTime, links === null ? null : links[i]);
      if (lostRings < 0) continue;
      if (tracked && isRing(q) && owns(q.slot.origin)) watch(q, -1);
      q.ended = true;
      q.figures = figuresOf(q.slot, q.position, p);
      q.figures.queryMessages += lostRings;
      // Without a hit anywhere, the search size is known: none.
      if (!q.hitKnown) q.probesReady = true;
      ended.push(q);
    }
    tally();
    return component.takeRingEarliest();
  }

  /** An origin's list as of (time, tie): before the first change after it, else as it stands. */
  function listAt(peer: number, time: number, tie: number): Int32Array {
    for (const c of changes) if (c.peer === peer && earlier(time, tie, c.time, c.tie)) return c.list;
    const g = ctx!.overlay;
    return peer < g.size ? g.adj.slice(g.offset[peer], g.offset[peer] + g.deg[peer]) : new Int32Array(0);
  }

  /**
   * The lists of the quiet rings' origins as of their quiet instants (null for the other
   * queries): each origin's thread writes its own in its region, and after a barrier every
   * thread reads them all. Then the log of changes starts again (the quiet instants of the
   * next barrier all come after this one's window).
   */
  function shareLinks(quiet: Query[]): Array<Linkable | null> {
    const links: Array<Linkable | null> = quiet.map(() => null);
    if (!quiet.some(isRing)) {
      changes.length = 0;
      return links;
    }
    const mine: number[] = [];
    for (let i = 0; i < quiet.length; i++) {
      const q = quiet[i];
      if (!isRing(q) || !owns(q.slot.origin)) continue;
      const list = listAt(q.slot.origin, q.endTime, q.endTie);
      mine.push(i, list.length, ...list);
    }
    changes.length = 0;
    const region = lists[me], need = (mine.length + 1) * 4;
    if (region.byteLength < need) (region as unknown as { grow(bytes: number): void }).grow(Math.min(MAX_TABLE_BYTES, Math.max(need, region.byteLength * 2)));
    const own = new Int32Array(region, 0, mine.length + 1);
    own[0] = mine.length;
    own.set(mine, 1);
    env.barrier.wait();
    for (let j = 0; j < threads; j++) {
      const r = new Int32Array(lists[j], 0, lists[j].byteLength >> 2);
      for (let k = 1, end = r[0] + 1; k < end;) {
        const i = r[k], d = r[k + 1];
        links[i] = listLinks(r.slice(k + 2, k + 2 + d));
        k += 2 + d;
      }
    }
    return links;
  }

  /** A query's figures summed over the partitions (row position i of parity p). */
  function figuresOf(slot: QuerySlot, i: number, p: number): QueryFigures {
    const figures = {
      localHit: slot.localHit, queryMessages: 0, answerMessages: 0, controlMessages: 0, peersProbed: 0,
      answers: 0, hopsToHit: -1, timeToHit: NaN, probesToHit: slot.localHit ? 0 : -1, rings: slot.rings, protocol: slot.protocol,
    };
    if (slot.localHit) {
      figures.answers = 1;
      figures.hopsToHit = 0;
      figures.timeToHit = 0;
      return figures;
    }
    for (let j = 0; j < threads; j++) {
      const f = at(i, p, j);
      figures.queryMessages += table[f + QUERY_MSGS];
      figures.answerMessages += table[f + ANSWER_MSGS];
      figures.controlMessages += table[f + CONTROL_MSGS];
      figures.peersProbed += table[f + VISITS];
      // Answers reach the origin's thread alone.
      if (table[f + ANSWERS] > 0) {
        figures.answers = table[f + ANSWERS];
        figures.hopsToHit = table[f + HOPS_TO_HIT];
        figures.timeToHit = table[f + TIME_TO_HIT];
      }
    }
    return figures;
  }

  /** Adds the ended queries whose figures are complete, in end order, and frees them. */
  function tally(): void {
    let freed = false;
    while (tallied < ended.length && ended[tallied].probesReady) {
      const q = ended[tallied++];
      if (q.probesTotal >= 0) q.figures.probesToHit = q.probesTotal;
      component.tallySplit(q.slot, q.figures, true);
      queries[q.slot.index] = null;
      freed = true;
    }
    if (freed) active = active.filter((q) => queries[q.slot.index] === q);
  }

  return {
    components: [component],
    // The directory's super-peers come from the overlay, which peer sampling's threads finish
    // building in their own `started` hooks (a family that runs before this one).
    started(context) {
      ctx = context;
      if (tracked) context.overlay.beforeChange = beforeChange;
      component.startDirectory();
    },
    publish,
    gather: () => gather(),
    sampling(t) {
      // The series' success rate at t counts the queries ended by then.
      while (counted < ended.length && ended[counted].endTime <= t) component.countEnded(ended[counted++].figures.answers > 0);
    },
    share(ctx: SimContext) {
      // Two more exchanges: the first hits of the last window become known, then the
      // partitions' counts of visits up to them are summed (every thread alike).
      for (let round = 0; round < 2; round++) {
        publish();
        env.barrier.wait();
        gather(round === 1);
      }
      // Queries still going when the run ended count as they stand, in launch order.
      for (const { q, figures } of open) {
        if (q.probesReady && q.probesTotal >= 0) figures.probesToHit = q.probesTotal;
        component.tallySplit(q.slot, figures, false);
      }
      const dir = component.directory;
      const data: SearchShare = {
        results: contributionOf([component], ctx, me).data as Results | null,
        directory: dir && dir.countsOwnPeers ? { registrationMessages: dir.registrationMessages, reattachments: dir.reattachments } : null,
      };
      return { data };
    },
  };
}

/** A partition's share: partition 0's sections; under churn, each thread's directory counts. */
interface SearchShare {
  results: Results | null;
  directory: { registrationMessages: number; reattachments: number } | null;
}

/** Partition 0's sections, with the directory's counts summed where each thread kept its own peers'. */
function merge(target: MergeTarget, shares: unknown[]): void {
  const parts = shares as SearchShare[];
  if (parts[0].results) Object.assign(target.results, parts[0].results);
  const section = target.results.searches?.directory;
  if (!section || parts[0].directory === null) return;
  section.registrationMessages = parts.reduce((sum, p) => sum + p.directory!.registrationMessages, 0);
  section.reattachments = parts.reduce((sum, p) => sum + p.directory!.reattachments, 0);
}

export const searchSplit: SplitContract = {
  refuse,
  merge,
  setup(scenario, threads) {
    const bytes = INITIAL_POSITIONS * 2 * threads * FIELDS * 8;
    const growable = (n: number) => new (SharedArrayBuffer as unknown as GrowableConstructor)(n, { maxByteLength: MAX_TABLE_BYTES });
    // Where rings' origins' links may change: one region a thread for the lists it sends.
    const lists = linksMayChange(scenario) ? Array.from({ length: threads }, () => growable(LIST_BYTES)) : [];
    return { buffers: [growable(bytes), ...lists], cells: 0, lanes: 0 };
  },
  partition,
};
