/**
 * Which peers exist and which are alive, as flat typed arrays. Peer ids are dense and
 * never reused: a peer that rejoins keeps its id, a brand-new peer gets the next one.
 */
export class PeerTable {
  /** Peer ids handed out so far (0..count-1). */
  count: number;
  /** 1 when the peer is online. */
  alive: Uint8Array;
  aliveCount: number;

  constructor(initial: number, capacity = initial) {
    this.count = initial;
    this.alive = new Uint8Array(Math.max(capacity, initial));
    this.alive.fill(1, 0, initial);
    this.aliveCount = initial;
  }

  /** Creates a brand-new peer (alive) and returns its id. */
  create(): number {
    if (this.count === this.alive.length) {
      const b = new Uint8Array(this.alive.length * 2);
      b.set(this.alive);
      this.alive = b;
    }
    const id = this.count++;
    this.alive[id] = 1;
    this.aliveCount++;
    return id;
  }

  /**
   * Numbers a brand-new peer without marking it alive: a split run's thread that does not
   * own it (its owner marks it). The array must have room (a split run sizes it for every id).
   */
  reserve(): number {
    if (this.count === this.alive.length) throw new Error('peers: no room reserved for a new peer');
    return this.count++;
  }

  setAlive(p: number, up: boolean): void {
    const was = this.alive[p] === 1;
    if (was === up) return;
    this.alive[p] = up ? 1 : 0;
    this.aliveCount += up ? 1 : -1;
  }

  isAlive(p: number): boolean {
    return this.alive[p] === 1;
  }
}
