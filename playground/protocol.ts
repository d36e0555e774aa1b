/**
 * The messages between the playground page and its worker (the engine runs in the worker,
 * so the page stays responsive): what the page asks, and what the worker reports.
 */

/** Networks up to this many peers get the live overlay view (links, messages, failures). */
import type { ReportAssets } from '../viz/report-page.js';

export const MAX_VIEW_PEERS = 2000;
/** Fields per message record in `ProgressMessage.messages`. */
export const MESSAGE_STRIDE = 5; // sent at, arrives at, from, to, event kind
/** Fields per record in `ProgressMessage.changes`. */
export const CHANGE_STRIDE = 3; // time, peer, 1 = up (joined), 0 = down (left or failed)


export type ToWorker =
  | { type: 'start'; text: string; fileName: string; files: Record<string, string>; speed: number; paused: boolean; assets: ReportAssets }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'step' }
  /** Simulated seconds per wall-clock second; 0: as fast as it goes. */
  | { type: 'speed'; speed: number };

export interface StartedMessage {
  type: 'started';
  peers: number;
  duration: number;
  sample: number;
  /** Overlay links as pairs (p, q), for networks of at most MAX_VIEW_PEERS peers; else null. */
  links: Uint32Array | null;
}

export interface ProgressMessage {
  type: 'progress';
  /** Simulated time reached. */
  time: number;
  /** The time series rows taken since the last report (`time` and one field per column). */
  samples: Array<Record<string, number | null>>;
  /** Events handled so far. */
  events: number;
  /** Peer-to-peer messages scheduled since the last report, MESSAGE_STRIDE numbers each (view only). */
  messages: Float64Array;
  /** Messages left out of `messages` (too many to draw). */
  messagesDropped: number;
  /** Peers that went down or came up, CHANGE_STRIDE numbers each (view only). */
  changes: Float64Array;
  /** Names of event kinds, by kind id (view only; grows as kinds are registered). */
  kinds: string[];
  paused: boolean;
}

export interface DoneMessage {
  type: 'done';
  /** The results file, as `gossipsim run --json` writes it. */
  json: string;
  /** The report page, as `gossipsim report` writes it. */
  report: string;
  wallSeconds: number;
}

export type FromWorker =
  | StartedMessage
  | ProgressMessage
  | DoneMessage
  /** The scenario does not load: the validator's one-paragraph message (shown like the CLI's). */
  | { type: 'invalid'; message: string }
  | { type: 'error'; message: string };
