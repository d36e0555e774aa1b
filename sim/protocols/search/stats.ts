/**
 * Per-query figures added up as queries end, and the SPEC §3 `searches` summary built
 * from them. Local hits (the origin holds the item) count as successful queries with no
 * message, 0 hops, 0 s and 0 probes; `localHits` says how many there were.
 */
import type { QuerySlot } from './query-slot.js';

/** What a query's tally reads of it (a QuerySlot, or a split run's sums over partitions). */
export type QueryFigures = Pick<QuerySlot, 'localHit' | 'queryMessages' | 'answerMessages' | 'controlMessages'
  | 'peersProbed' | 'answers' | 'hopsToHit' | 'timeToHit' | 'probesToHit' | 'rings'> & { protocol: { name: string } };

export interface SearchSummary {
  queries: number;
  successRate: number | null;
  /** Every message sent for a query (query copies, duplicates, checks, misses, answers). */
  messagesPerQuery: number | null;
  /** Distinct peers that processed the query, the origin excluded. */
  peersProbedPerQuery: number | null;
  /** Over successful queries: hops from the origin to the holder whose answer came first. */
  meanHopsToHit: number | null;
  /** Over successful queries: seconds from the query's start to the first answer at the origin. */
  meanTimeToHit: number | null;
  /** Totals over all queries: query copies (duplicates included), answer hops, control messages. */
  queryMessages: number;
  answerMessages: number;
  controlMessages: number;
  /** Search size (Cohen & Shenker): distinct peers probed until the first holder, over queries that found one. */
  meanProbesToHit: number | null;
  localHits: number;
  /** Queries still in flight when the run ended (counted as they stood). */
  unfinished: number;
  /** expanding-ring only: mean number of rings (floods) per query. */
  meanRings?: number | null;
}

export class SearchTally {
  queries = 0;
  successes = 0;
  localHits = 0;
  unfinished = 0;
  queryMessages = 0;
  answerMessages = 0;
  controlMessages = 0;
  peersProbed = 0;
  hopsToHitSum = 0;
  timeToHitSum = 0;
  probesToHitSum = 0;
  probesToHitCount = 0;
  rings = 0;
  ringQueries = 0;

  /** Adds the figures of a query that ended (or was cut off by the end of the run). */
  add(slot: QueryFigures, finished: boolean): void {
    this.queries++;
    if (!finished) this.unfinished++;
    if (slot.localHit) this.localHits++;
    this.queryMessages += slot.queryMessages;
    this.answerMessages += slot.answerMessages;
    this.controlMessages += slot.controlMessages;
    this.peersProbed += slot.peersProbed;
    if (slot.answers > 0) {
      this.successes++;
      this.hopsToHitSum += slot.hopsToHit;
      this.timeToHitSum += slot.timeToHit;
    }
    if (slot.probesToHit >= 0) {
      this.probesToHitSum += slot.probesToHit;
      this.probesToHitCount++;
    }
    if (slot.protocol.name === 'expanding-ring' && !slot.localHit) {
      this.rings += slot.rings;
      this.ringQueries++;
    }
  }

  merge(other: SearchTally): void {
    this.queries += other.queries;
    this.successes += other.successes;
    this.localHits += other.localHits;
    this.unfinished += other.unfinished;
    this.queryMessages += other.queryMessages;
    this.answerMessages += other.answerMessages;
    this.controlMessages += other.controlMessages;
    this.peersProbed += other.peersProbed;
    this.hopsToHitSum += other.hopsToHitSum;
    this.timeToHitSum += other.timeToHitSum;
    this.probesToHitSum += other.probesToHitSum;
    this.probesToHitCount += other.probesToHitCount;
    this.rings += other.rings;
    this.ringQueries += other.ringQueries;
  }

  summary(): SearchSummary {
    const q = this.queries;
    const per = (x: number, n: number) => (n > 0 ? x / n : null);
    const s: SearchSummary = {
      queries: q,
      successRate: per(this.successes, q),
      messagesPerQuery: per(this.queryMessages + this.answerMessages + this.controlMessages, q),
      peersProbedPerQuery: per(this.peersProbed, q),
      meanHopsToHit: per(this.hopsToHitSum, this.successes),
      meanTimeToHit: per(this.timeToHitSum, this.successes),
      queryMessages: this.queryMessages,
      answerMessages: this.answerMessages,
      controlMessages: this.controlMessages,
      meanProbesToHit: per(this.probesToHitSum, this.probesToHitCount),
      localHits: this.localHits,
      unfinished: this.unfinished,
    };
    if (this.ringQueries > 0) s.meanRings = this.rings / this.ringQueries;
    return s;
  }
}
