/**
 * A barrier over a SharedArrayBuffer for the worker threads of one parallel run: every
 * thread waits until all have arrived. Any thread can abort it, so that one failing
 * worker does not leave the others blocked for ever.
 */

const ARRIVED = 0;
const GENERATION = 1;
const ABORTED = 2;
/** Polls before blocking: a window often ends within microseconds of the others'. */
const SPIN = 4000;

export class BarrierAborted extends Error {
  constructor() {
    super('parallel: another worker failed');
  }
}

export class Barrier {
  private readonly cells: Int32Array;

  /** `buffer` from `Barrier.allocate()`, shared by the `parties` threads. */
  constructor(buffer: SharedArrayBuffer, private readonly parties: number) {
    this.cells = new Int32Array(buffer);
  }

  static allocate(): SharedArrayBuffer {
    return new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT);
  }

  /** Blocks until every party has called `wait`; throws BarrierAborted once aborted. */
  wait(): void {
    const c = this.cells;
    if (Atomics.load(c, ABORTED) !== 0) throw new BarrierAborted();
    const generation = Atomics.load(c, GENERATION);
    if (Atomics.add(c, ARRIVED, 1) === this.parties - 1) {
      // Last to arrive: reset the count before releasing the others (they re-arrive only
      // after seeing the new generation).
      Atomics.store(c, ARRIVED, 0);
      Atomics.add(c, GENERATION, 1);
      Atomics.notify(c, GENERATION);
    } else {
      let spins = 0;
      while (Atomics.load(c, GENERATION) === generation && Atomics.load(c, ABORTED) === 0) {
        if (spins < SPIN) spins++;
        else Atomics.wait(c, GENERATION, generation, 1000);
      }
    }
    if (Atomics.load(c, ABORTED) !== 0) throw new BarrierAborted();
  }

  /** Whether any thread has aborted the barrier. */
  get aborted(): boolean {
    return Atomics.load(this.cells, ABORTED) !== 0;
  }

  /** Releases every waiting thread with BarrierAborted, now and at every later wait. */
  abort(): void {
    const c = this.cells;
    Atomics.store(c, ABORTED, 1);
    Atomics.add(c, GENERATION, 1);
    Atomics.notify(c, GENERATION);
  }

  static abortBuffer(buffer: SharedArrayBuffer): void {
    new Barrier(buffer, 1).abort();
  }
}
