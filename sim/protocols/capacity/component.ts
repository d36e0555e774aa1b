/**
 * The file-distribution experiment (scenario key `capacity`): a server distributes one
 * file to the peers present at time 0, client-server or P2P, and the results compare the
 * distribution time with the Kurose & Ross lower bound (results key `capacity`).
 *
 * Churn: a peer that leaves (a `peerDown` listener) before holding the whole file abandons
 * its download for good (its transfers are aborted and it does not resume if it rejoins);
 * it is counted in `left`. A peer that leaves after completing stops seeding and is counted
 * in `leftAfterCompleting`. Peers that join after time 0 take no part.
 */
import type { Component, SeriesWriter, SimContext } from '../../run/context.js';
import type { Results } from '../../run/results.js';
import type { CapacitySpec } from './schema.js';
import { makeSampler } from '../../random/distributions.js';
import { evenQuantileSample } from '../../metrics/quantile-sample.js';
import { meanUploadUtilisation } from '../../metrics/upload-utilisation.js';
import { drawPeerBandwidths, minOf, sumOf } from './bandwidth.js';
import { clientServerLowerBound, p2pLowerBound } from './bounds.js';
import { ClientServerDistribution } from './client-server.js';
import { PeerLedger } from './ledger.js';
import { P2PDistribution } from './p2p.js';
import { swarmFromGraph, trackerSwarm, type Swarm } from './swarm.js';

/** At most this many completion times go into the results (evenly spaced ranks beyond). */
export const MAX_COMPLETION_TIMES = 10_000;

export interface CapacityResults {
  mode: 'p2p' | 'client-server';
  /** Peers that took part: those present at time 0. */
  peers: number;
  /** Time at which every peer still in the swarm held the file; null if some never did. */
  distributionTime: number | null;
  /** Kurose & Ross lower bound for these peers' drawn bandwidths (null if infinite). */
  lowerBound: number | null;
  /** The terms of the bound, seconds: the largest is `lowerBound`. */
  lowerBoundTerms: Record<string, number | null>;
  /** Completion time of every peer that completed, ascending (a CDF). */
  completionTimes: number[];
  /** True when completionTimes holds only MAX_COMPLETION_TIMES evenly spaced ranks. */
  completionTimesSampled: boolean;
  meanCompletionTime: number | null;
  /** Server bytes uploaded / (server upload × distribution time). */
  serverUtilisation: number | null;
  /** Mean over peers of bytes uploaded / (upload × time online until the distribution time). */
  peerUtilisation: number | null;
  /** Chunk transfers completed (client-server: whole-file transfers). */
  chunkTransfers: number;
  abortedTransfers: number;
  /** Peers that held the whole file at the end. */
  completed: number;
  /** Peers that left before holding the whole file. */
  left: number;
  leftAfterCompleting: number;
  /** Peers still in the swarm without the whole file when the run ended. */
  unfinished: number;
  /** Largest ratio, over peers, of the peak rate used to the capacity (<= 1). */
  maxUploadRateRatio: number | null;
  maxDownloadRateRatio: number | null;
  /** Server's peak upload rate over its capacity. */
  serverPeakUploadRatio: number;
  /** Slowest peer download (bytes/s) and the peers' total upload (bytes/s): the bound's inputs. */
  minDownload: number;
  totalPeerUpload: number;
  /** p2p only: chunks in the file, server upload slots, mean swarm neighbours of a peer. */
  chunks?: number;
  serverSlots?: number;
  meanNeighbours?: number | null;
}

export interface CapacitySections {
  capacity: CapacityResults;
}

type Mode = ClientServerDistribution | P2PDistribution;

/** Server slots when `server.slots` is 0: each as fast as a mean peer's upload slot. */
export function autoServerSlots(serverUpload: number, uploadSlots: number, meanPeerUpload: number, peers: number): number {
  const most = Math.max(1, peers * uploadSlots);
  if (!(meanPeerUpload > 0)) return most;
  return Math.min(most, Math.max(1, Math.round((serverUpload * uploadSlots) / meanPeerUpload)));
}

export class CapacityComponent implements Component {
  // A flow's rate is shared out at once among every peer it touches (no message latency),
  // so there is no lookahead for conservative windows (docs/parallel.md).
  readonly parallel = 'unsafe';
  readonly parallelNote = 'its flow model shares bandwidth among peers at once, with no message latency, so there is no lookahead';
  private spec!: CapacitySpec;
  private ledger!: PeerLedger;
  private mode!: Mode;
  private swarm: Swarm | null = null;
  private serverSlots = 0;

  /** The per-peer accounting (bandwidths, completion times, bytes, peak rates). */
  get peerLedger(): PeerLedger {
    return this.ledger;
  }

  /** The running distribution (for tests and observers). */
  get distribution(): Mode {
    return this.mode;
  }

  start(ctx: SimContext): void {
    const spec = ctx.scenario.capacity;
    if (!spec) throw new Error('capacity: the scenario has no `capacity` section');
    this.spec = spec;
    const n = ctx.peers.count;
    const streams = ctx.peerStreams('capacity');
    const named = ctx.namedStream('capacity');
    const bw = drawPeerBandwidths(n, makeSampler(spec.peer.upload), makeSampler(spec.peer.download), streams);
    this.ledger = new PeerLedger(bw.upload, bw.download);
    if (spec.mode === 'client-server') {
      this.mode = new ClientServerDistribution(ctx.sim, this.ledger, spec.file, spec.server.upload);
    } else {
      this.swarm = spec.neighbours === 'overlay' ? swarmFromGraph(ctx.overlay, n) : trackerSwarm(n, spec.neighbours, named);
      this.serverSlots = spec.server.slots > 0
        ? spec.server.slots
        : autoServerSlots(spec.server.upload, spec.uploadSlots, sumOf(bw.upload) / n, n);
      this.mode = new P2PDistribution(ctx.sim, this.ledger, this.swarm, streams, named, {
        file: spec.file, chunk: spec.chunk, serverUpload: spec.server.upload,
        uploadSlots: spec.uploadSlots, serverSlots: this.serverSlots, rarity: spec.rarity,
      });
    }
    ctx.peerDown.push((p) => this.mode.peerLeft(p));
    this.mode.start();
  }

  sample(_ctx: SimContext, write: SeriesWriter): void {
    const n = this.ledger.peers;
    write('completedFraction', this.ledger.completed / n);
    const held = this.mode instanceof P2PDistribution
      ? this.mode.heldTotal / this.mode.chunks
      : this.mode.bytesHeld() / this.spec.file;
    write('downloadedFraction', held / n);
  }

  contribute(results: Results, ctx: SimContext): void {
    results.capacity = this.summarize(Math.max(ctx.sim.now, results.engine.simulatedSeconds));
  }

  /**
   * The results section, with `now` the time the run ended. Utilisations run to the
   * distribution time, or to `now` when some peer never completed (counting the bytes of
   * the transfers still running then).
   */
  summarize(now: number): CapacityResults {
    const spec = this.spec, ledger = this.ledger, n = ledger.peers, F = spec.file, us = spec.server.upload;
    const dMin = minOf(ledger.download);
    const sumUp = sumOf(ledger.upload);
    const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);
    let lowerBound: number;
    let lowerBoundTerms: Record<string, number | null>;
    if (spec.mode === 'client-server') {
      lowerBound = clientServerLowerBound(F, n, us, dMin);
      lowerBoundTerms = { serverUpload: (n * F) / us, slowestDownload: finite(F / dMin) };
    } else {
      lowerBound = p2pLowerBound(F, n, us, dMin, sumUp);
      lowerBoundTerms = { serverUpload: F / us, slowestDownload: finite(F / dMin), totalUpload: (n * F) / (us + sumUp) };
    }

    const times: number[] = [];
    let sumTimes = 0;
    for (let p = 0; p < n; p++) {
      if (ledger.isComplete(p)) { times.push(ledger.completedAt[p]); sumTimes += ledger.completedAt[p]; }
    }
    const sorted = Float64Array.from(times).sort();
    const unfinished = n - ledger.completed - ledger.leftUnfinished;
    const distributionTime = unfinished === 0 && ledger.completed > 0 ? ledger.lastCompletion : null;
    const horizon = distributionTime ?? now;

    const uploaded = Float64Array.from(ledger.bytesUploaded);
    let serverBytes = ledger.serverBytesUploaded;
    if (distributionTime === null) {
      serverBytes += this.mode instanceof P2PDistribution
        ? this.mode.unbookedBytes(horizon, uploaded)
        : this.mode.unbookedServerBytes(horizon);
    }
    const online = new Float64Array(n);
    let maxUp = 0, maxDown = 0, anyUp = false, anyDown = false;
    for (let p = 0; p < n; p++) {
      const left = ledger.leftAt[p];
      online[p] = left === left ? Math.min(left, horizon) : horizon;
      if (ledger.upload[p] > 0) { anyUp = true; maxUp = Math.max(maxUp, ledger.peakUploadRate[p] / ledger.upload[p]); }
      if (ledger.download[p] > 0) { anyDown = true; maxDown = Math.max(maxDown, ledger.peakDownloadRate[p] / ledger.download[p]); }
    }

    const out: CapacityResults = {
      mode: spec.mode,
      peers: n,
      distributionTime,
      lowerBound: finite(lowerBound),
      lowerBoundTerms,
      completionTimes: evenQuantileSample(sorted, MAX_COMPLETION_TIMES),
      completionTimesSampled: sorted.length > MAX_COMPLETION_TIMES,
      meanCompletionTime: times.length > 0 ? sumTimes / times.length : null,
      serverUtilisation: horizon > 0 ? serverBytes / (us * horizon) : null,
      peerUtilisation: spec.mode === 'client-server' ? 0 : meanUploadUtilisation(uploaded, ledger.upload, online),
      chunkTransfers: ledger.transfers,
      abortedTransfers: ledger.abortedTransfers,
      completed: ledger.completed,
      left: ledger.leftUnfinished,
      leftAfterCompleting: ledger.leftFinished,
      unfinished,
      maxUploadRateRatio: spec.mode === 'client-server' ? null : anyUp ? maxUp : null,
      maxDownloadRateRatio: anyDown ? maxDown : null,
      serverPeakUploadRatio: ledger.serverPeakUploadRate / us,
      minDownload: dMin,
      totalPeerUpload: sumUp,
    };
    if (this.mode instanceof P2PDistribution) {
      out.chunks = this.mode.chunks;
      out.serverSlots = this.serverSlots;
      out.meanNeighbours = this.swarm ? this.swarm.adj.length / Math.max(1, n) : null;
    }
    return out;
  }
}

declare module '../../run/results.js' {
  interface FamilyResults extends Partial<CapacitySections> {}
}
