/**
 * What Chord and Kademlia share: one payload layout for all their messages, requests with
 * timeouts (a peer that does not answer in time is taken for dead: nothing asks an oracle),
 * and the count of messages and modelled bytes per type, split into lookup traffic and
 * maintenance. Message sizes are modelled, per type (see `messageSizes`, docs/structured.md).
 * Every request has the same timeout, so a peer's deadlines come in the order it sends its
 * requests: each requester's wait in a first-in first-out list, and one event of that peer,
 * at the earliest deadline of its requests still open, expires what is due (instead of an
 * event per request, most of which would find their request answered). A peer's timers are
 * its own events, so that a split run keeps them in the requester's thread.
 */
import { PayloadPool, type MessageHandler, type MessageType } from '../../network/messages.js';
import { fromWords, highWord, lowWord } from '../../math/words.js';
import type { SimContext } from '../../run/context.js';
import type { IdSpace } from './ids.js';
import { grown } from '../../run/grown.js';

/**
 * Payload layout (Int32 fields), one for every message of the family:
 *   [0] request number (−1: a one-way message)
 *   [1] 2 × its generation (a late reply to a reused number is stale) + 1 for maintenance traffic
 *   [2, 3] a key or ID (a double, low and high word)
 *   [4] a field of the type's own (documented at each type)   [5] n, the peers listed
 *   [6 .. 6 + n) peers (indices; their IDs, addresses and ports count in the modelled bytes)
 */
export const HEAD = 6;

/** IPv4 (20) + UDP (8) headers, then the message type (1) and request nonce (4). */
const IP_UDP = 28;
const RPC = 5;
/** An IPv4 address and port. */
const ADDRESS = 6;

/** The modelled size of each message type, in bytes: `base` + `perPeer` × listed peers (or holders). */
export interface MessageSize {
  base: number;
  perPeer: number;
  /** How the type's size is made up, for docs and the results. */
  parts: string;
}

/** Sizes of every message type for IDs of `ids.bytes` bytes (each message names its sender's ID). */
export function messageSizes(ids: IdSpace): Record<string, MessageSize> {
  const id = ids.bytes;
  const base = IP_UDP + RPC + id;
  const contact = id + ADDRESS;
  const header = `${IP_UDP} IP/UDP + ${RPC} type and nonce + ${id} sender ID`;
  return {
    'chord/find': { base: base + id, perPeer: 0, parts: `${header} + ${id} key` },
    'chord/found': { base: base + 2, perPeer: contact, parts: `${header} + 2 flags and count + ${contact} per node (ID, address, port)` },
    'chord/get': { base: base + id, perPeer: 0, parts: `${header} + ${id} key` },
    'chord/record': { base: base + 2, perPeer: ADDRESS, parts: `${header} + 2 flags and count + ${ADDRESS} per holder (address, port)` },
    'chord/forward': { base: base + id + contact + 2, perPeer: 0, parts: `${header} + ${id} key + ${contact} origin + 2 hops` },
    'chord/ack': { base, perPeer: 0, parts: header },
    'chord/result': { base: base + id + 4, perPeer: ADDRESS, parts: `${header} + ${id} key + 4 hops and count + ${ADDRESS} per holder` },
    'chord/stabilize': { base, perPeer: 0, parts: header },
    'chord/stabilize-reply': { base: base + 1 + contact, perPeer: contact, parts: `${header} + 1 count + ${contact} predecessor + ${contact} per successor` },
    'chord/notify': { base, perPeer: 0, parts: header },
    'chord/hint': { base, perPeer: contact, parts: `${header} + ${contact} the new predecessor` },
    'chord/ping': { base, perPeer: 0, parts: header },
    'chord/pong': { base, perPeer: 0, parts: header },
    'chord/store': { base: base + id, perPeer: ADDRESS, parts: `${header} + ${id} key + ${ADDRESS} holder (address, port)` },
    'chord/stored': { base, perPeer: 0, parts: header },
    'chord/handover': { base: base + 2, perPeer: id + ADDRESS + 2, parts: `${header} + 2 count + ${id + ADDRESS + 2} per pointer (key, holder address and port, 2 minutes left)` },
    'kademlia/find-node': { base: base + id, perPeer: 0, parts: `${header} + ${id} target ID` },
    'kademlia/find-value': { base: base + id, perPeer: 0, parts: `${header} + ${id} key` },
    'kademlia/nodes': { base: base + 1, perPeer: contact, parts: `${header} + 1 count + ${contact} per contact (ID, address, port)` },
    'kademlia/value': { base: base + 2, perPeer: ADDRESS, parts: `${header} + 2 count + ${ADDRESS} per holder (address, port)` },
    'kademlia/store': { base: base + id, perPeer: ADDRESS, parts: `${header} + ${id} key + ${ADDRESS} holder (address, port)` },
    'kademlia/stored': { base, perPeer: 0, parts: header },
    'kademlia/ping': { base, perPeer: 0, parts: header },
    'kademlia/pong': { base, perPeer: 0, parts: header },
  };
}

/** Who waits for a request's answer: told of the reply (slot readable during the call) or of the timeout. */
export interface RequestOwner {
  /** `at` got the reply from `from` to its request tagged `tag`. */
  onReply(tag: number, at: number, from: number, slot: number): void;
  /** `at`'s request tagged `tag` to `target` got no reply in time. */
  onTimeout(tag: number, at: number, target: number): void;
  /** A reply to its open request tagged `tag` arrived (`bytes` modelled): lookups count their messages. */
  charge?(tag: number, bytes: number): void;
}

/** Counters of one message type. */
export interface TypeTally {
  messages: number;
  bytes: number;
}

export class DhtNet {
  readonly pool: PayloadPool;
  readonly sizes: Record<string, MessageSize>;
  /** Per type: lookup traffic (searches) and maintenance (joins, stabilise, fingers, refresh). */
  readonly lookupTally: Record<string, TypeTally> = {};
  readonly maintenanceTally: Record<string, TypeTally> = {};
  /** Requests that timed out (their target was dead, or a message was lost). */
  timeouts = 0;

  // The requests, by number: the requester, what it asked and who waits. A number is
  // reused once it is off its requester's list (at its deadline, or answered at the front).
  private requester = new Int32Array(64);
  private target = new Int32Array(64);
  private generation = new Int32Array(64);
  private open = new Uint8Array(64);
  /** A number of the owner's own (its lookup, or what a maintenance request was for). */
  private tag = new Int32Array(64);
  private deadline = new Float64Array(64);
  /** The next request of the same requester, in send order (−1: none). */
  private nextOfPeer = new Int32Array(64);
  private owners: Array<RequestOwner | null> = new Array(64).fill(null);
  private freeRequests: number[] = [];
  private nextRequest = 0;
  private timeoutKind = 0;
  /**
   * Per peer (stride 1): the first and last of its requests whose deadline has not passed
   * (−1: none), and whether its expiry event is scheduled (or running).
   */
  private first = new Int32Array(0);
  private last = new Int32Array(0);
  private armed = new Uint8Array(0);

  constructor(private readonly ctx: SimContext, ids: IdSpace, maxListed: number, private readonly timeout: number) {
    this.pool = new PayloadPool(HEAD + maxListed);
    this.sizes = messageSizes(ids);
    this.timeoutKind = ctx.sim.registerKind('structured/timeouts', (p) => this.expireDue(p));
  }

  /**
   * Registers a message type of the family (its handler reads the common layout). A message
   * reaching a peer that is down is dropped here: a dead peer neither answers nor forwards.
   */
  type(name: string, onArrive: MessageHandler): MessageType {
    const lookup = { messages: 0, bytes: 0 }, maintenance = { messages: 0, bytes: 0 };
    this.lookupTally[name] = lookup;
    this.maintenanceTally[name] = maintenance;
    const peers = this.ctx.peers; // its `alive` array is replaced when the table grows: read it per message
    const type = this.ctx.transport.messageType(name, this.pool, (at, from, slot) => { if (peers.alive[at] === 1) onArrive(at, from, slot); });
    // By event kind, so that sending looks nothing up by name.
    this.byKind[type.kind] = { size: this.sizes[name], lookup, maintenance };
    return type;
  }

  /**
   * A reply type: its arrival goes to the request's owner (`first`: what the requester does
   * with any message, e.g. Kademlia's bucket update), which counts the reply's bytes then.
   * `holders`: a record reply, whose field 4 is the number of holders it names.
   */
  replyType(name: string, first?: (at: number, from: number) => void, holders = false): MessageType {
    const type: MessageType = this.type(name, (at, from, slot) => {
      first?.(at, from);
      // A record reply's size counts every holder it names (field 4), though it lists `maxListed` at most.
      this.deliverReply(at, from, slot, this.bytesOf(type, holders ? this.auxOf(slot) : this.countOf(slot)));
    });
    return type;
  }

  private readonly byKind: Array<{ size: MessageSize; lookup: TypeTally; maintenance: TypeTally }> = [];

  /** A payload slot with the common fields written; add peers with `list`. */
  compose(rpc: number, gen: number, key: number, aux: number): number {
    const slot = this.pool.take();
    const d = this.pool.data, o = slot * this.pool.stride;
    d[o] = rpc; d[o + 1] = gen; d[o + 2] = lowWord(key); d[o + 3] = highWord(key); d[o + 4] = aux; d[o + 5] = 0;
    return slot;
  }

  /** Appends a peer to the slot's list. */
  list(slot: number, peer: number): void {
    const d = this.pool.data, o = slot * this.pool.stride;
    if (d[o + 5] < this.pool.stride - HEAD) d[o + HEAD + d[o + 5]++] = peer;
  }

  rpcOf(slot: number): number { return this.pool.data[slot * this.pool.stride]; }
  genOf(slot: number): number { return this.pool.data[slot * this.pool.stride + 1]; }
  keyOf(slot: number): number {
    const d = this.pool.data, o = slot * this.pool.stride;
    return fromWords(d[o + 3], d[o + 2]);
  }
  auxOf(slot: number): number { return this.pool.data[slot * this.pool.stride + 4]; }
  countOf(slot: number): number { return this.pool.data[slot * this.pool.stride + 5]; }
  peerOf(slot: number, i: number): number { return this.pool.data[slot * this.pool.stride + HEAD + i]; }

  /** The modelled bytes of a message of `type` that lists `listed` peers (or holders). */
  bytesOf(type: MessageType, listed: number): number {
    const size = this.byKind[type.kind].size;
    return size.base + size.perPeer * listed;
  }

  /**
   * Sends a composed message, counting it (`holders`: the listed holders of a one-way
   * result, counted in its size instead of the listed peers). Returns the message's bytes.
   */
  send(from: number, to: number, type: MessageType, slot: number, holders = -1): number {
    const t = this.byKind[type.kind];
    const maintenance = (this.pool.data[slot * this.pool.stride + 1] & 1) === 1;
    const bytes = this.bytesOf(type, holders >= 0 ? holders : this.countOf(slot));
    const tally = maintenance ? t.maintenance : t.lookup;
    tally.messages++;
    tally.bytes += bytes;
    this.ctx.transport.post(from, to, type, slot);
    return bytes;
  }

  /** Opens a request from `from` to `to`, timing out after the timeout unless answered first; returns its number. */
  request(from: number, to: number, owner: RequestOwner, tag: number): number {
    let rpc = this.freeRequests.pop();
    if (rpc === undefined) {
      rpc = this.nextRequest++;
      if (rpc >= this.open.length) this.grow();
    }
    this.requester[rpc] = from;
    this.target[rpc] = to;
    ++this.generation[rpc];
    this.open[rpc] = 1;
    this.tag[rpc] = tag;
    this.owners[rpc] = owner;
    this.deadline[rpc] = this.ctx.sim.now + this.timeout;
    this.nextOfPeer[rpc] = -1;
    if (from >= this.first.length) {
      const n = Math.max(from + 1, 2 * this.first.length, this.ctx.peers.count);
      this.first = grown(this.first, n, -1);
      this.last = grown(this.last, n, -1);
      this.armed = grown(this.armed, n);
    }
    if (this.first[from] < 0) this.first[from] = rpc; else this.nextOfPeer[this.last[from]] = rpc;
    this.last[from] = rpc;
    if (this.armed[from] === 0) this.arm(from);
    return rpc;
  }

  /** Frees `p`'s answered requests at the front and schedules its expiry at the first open one's deadline. */
  private arm(p: number): void {
    let rpc = this.first[p];
    while (rpc >= 0 && this.open[rpc] === 0) rpc = this.release(p, rpc);
    this.armed[p] = rpc >= 0 ? 1 : 0;
    if (rpc >= 0) this.ctx.sim.at(this.deadline[rpc], this.timeoutKind, p, p);
  }

  /** Takes `p`'s first request `rpc` off its list, frees its number and returns the next (−1: none). */
  private release(p: number, rpc: number): number {
    const next = this.nextOfPeer[rpc];
    this.first[p] = next;
    if (next < 0) this.last[p] = -1;
    this.freeRequests.push(rpc);
    return next;
  }

  /** Expires every open request of `p` whose deadline has come, in the order it sent them. */
  private expireDue(p: number): void {
    const now = this.ctx.sim.now;
    let rpc = this.first[p];
    while (rpc >= 0 && this.deadline[rpc] <= now) {
      // Off the list first: the owner may send new requests.
      this.release(p, rpc);
      if (this.open[rpc] === 1) this.expire(rpc);
      rpc = this.first[p];
    }
    this.arm(p);
  }

  /**
   * Opens a request from `from` to `to` and sends it (`fill` lists peers in it); the reply
   * and the timeout go to `owner` with `tag`. Replies count in the same class (lookup or maintenance).
   */
  ask(from: number, to: number, type: MessageType, key: number, aux: number, owner: RequestOwner, tag: number,
    maintenance: boolean, fill?: (slot: number) => void): number {
    const rpc = this.request(from, to, owner, tag);
    const slot = this.compose(rpc, this.generation[rpc] * 2 + (maintenance ? 1 : 0), key, aux);
    fill?.(slot);
    return this.send(from, to, type, slot);
  }

  /** A reply to the request in `requestSlot` (same number, generation and class), to fill and send. */
  replyTo(requestSlot: number, key: number, aux: number): number {
    return this.compose(this.rpcOf(requestSlot), this.genOf(requestSlot), key, aux);
  }

  /** A one-way message (no reply awaited). */
  oneWay(key: number, aux: number, maintenance: boolean): number {
    return this.compose(-1, maintenance ? 1 : 0, key, aux);
  }

  /** The request a reply in `slot` answers, if it is still open (−1: stale or unknown). */
  answered(slot: number): number {
    const rpc = this.rpcOf(slot);
    if (rpc < 0 || rpc >= this.nextRequest || this.open[rpc] !== 1 || this.generation[rpc] !== this.genOf(slot) >> 1) return -1;
    return rpc;
  }

  /**
   * Dispatches a reply (`bytes` modelled) to its request's owner, which counts it (nothing
   * when stale); the requester must be alive.
   */
  deliverReply(at: number, from: number, slot: number, bytes: number): void {
    const rpc = this.answered(slot);
    if (rpc < 0 || this.requester[rpc] !== at || this.target[rpc] !== from) return;
    const owner = this.owners[rpc]!;
    const tag = this.tag[rpc];
    this.close(rpc);
    owner.charge?.(tag, bytes);
    owner.onReply(tag, at, from, slot);
  }

  /** Closes the request; its number is freed once its deadline has passed (see `release`). */
  private close(rpc: number): void {
    this.open[rpc] = 0;
    this.owners[rpc] = null;
  }

  private expire(rpc: number): void {
    const owner = this.owners[rpc]!;
    this.timeouts++;
    const tag = this.tag[rpc], target = this.target[rpc], requester = this.requester[rpc];
    this.close(rpc);
    owner.onTimeout(tag, requester, target);
  }

  private grow(): void {
    const n = this.open.length * 2;
    this.requester = grown(this.requester, n);
    this.target = grown(this.target, n);
    this.generation = grown(this.generation, n);
    this.open = grown(this.open, n);
    this.tag = grown(this.tag, n);
    this.deadline = grown(this.deadline, n);
    this.nextOfPeer = grown(this.nextOfPeer, n);
    this.owners.length = n;
    this.owners.fill(null, n / 2);
  }
}
