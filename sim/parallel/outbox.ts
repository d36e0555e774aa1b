/**
 * Messages from one partition to another during a time window, in shared memory: the
 * sender appends events (time, tie, kind, target, src, a, b) while it runs the window; the
 * receiver inserts them into its queue after the barrier. One growable SharedArrayBuffer
 * per (sender, receiver, window parity); records of 5 float64 slots (40 bytes):
 *   [0] time  [1] tie  [2] b  [3] kind | target (two int32)  [4] src | a (two int32)
 * A message whose payload lives in a pool (network/messages.ts) carries its fields after
 * the record, `stride` int32 padded to whole float64 slots; `a` then holds the stride, and
 * the receiver copies the fields into a slot of its own pool of that type.
 */
const SLOTS = 5;
const INITIAL_BYTES = 1 << 20;
/** Reserved address space per outbox (only what is used is committed): 53 M records. */
const MAX_BYTES = 2_147_483_648; // 2^31

/** A growable SharedArrayBuffer (ES2024; Node 20 has it, the ES2022 typings do not). */
interface Growable {
  grow(bytes: number): void;
}
type GrowableConstructor = new (bytes: number, options: { maxByteLength: number }) => SharedArrayBuffer;

export function allocateOutbox(): SharedArrayBuffer {
  return new (SharedArrayBuffer as unknown as GrowableConstructor)(INITIAL_BYTES, { maxByteLength: MAX_BYTES });
}

/** The sender's side. `count` records are written; the receiver learns `count` at the barrier. */
export class OutboxWriter {
  count = 0;
  /** Float64 slots written (records and payloads). */
  private used = 0;
  /** Earliest time among the records of this window (+Infinity: none). */
  minTime = Infinity;
  private f64: Float64Array;
  private i32: Int32Array;

  constructor(private readonly buffer: SharedArrayBuffer) {
    this.f64 = new Float64Array(buffer, 0, buffer.byteLength / 8);
    this.i32 = new Int32Array(buffer, 0, buffer.byteLength / 4);
  }

  /** Starts a new window (the receiver has taken the previous records of this buffer). */
  reset(): void {
    this.count = 0;
    this.used = 0;
    this.minTime = Infinity;
  }

  write(time: number, tie: number, kind: number, target: number, src: number, a: number, b: number): void {
    const f = this.used;
    this.count++;
    this.used += SLOTS;
    if (this.used * 8 > this.buffer.byteLength) this.grow();
    const i = f * 2;
    this.f64[f] = time;
    this.f64[f + 1] = tie;
    this.f64[f + 2] = b;
    this.i32[i + 6] = kind;
    this.i32[i + 7] = target;
    this.i32[i + 8] = src;
    this.i32[i + 9] = a;
    if (time < this.minTime) this.minTime = time;
  }

  /** A message whose payload is `stride` int32 fields at fields[at ...] (copied here). */
  writeWithPayload(
    time: number, tie: number, kind: number, target: number, src: number, b: number,
    fields: Int32Array, at: number, stride: number,
  ): void {
    this.write(time, tie, kind, target, src, stride, b);
    const f = this.used;
    this.used += (stride + 1) >> 1;
    if (this.used * 8 > this.buffer.byteLength) this.grow();
    this.i32.set(fields.subarray(at, at + stride), f * 2);
  }

  private grow(): void {
    const b = this.buffer;
    const need = this.used * 8;
    const next = Math.min(MAX_BYTES, Math.max(b.byteLength * 2, need));
    if (next < need) throw new Error('parallel: more messages between two partitions in one window than an outbox holds');
    (b as unknown as Growable).grow(next);
    this.f64 = new Float64Array(b, 0, b.byteLength / 8);
    this.i32 = new Int32Array(b, 0, b.byteLength / 4);
  }
}

/**
 * Receives one event: returns nothing; the receiver queues it or settles it at once. A
 * message with a payload comes with its fields: payload[at ... at + a) (else payload null).
 */
export type Receiver = (
  time: number, tie: number, kind: number, target: number, src: number, a: number, b: number,
  payload: Int32Array | null, at: number,
) => void;

/**
 * The receiver's side: hands the `count` records of `buffer` to `receive`, in order.
 * `pooled(kind)`: whether that kind's messages carry a payload (the same kinds in every partition).
 */
export function drainOutbox(buffer: SharedArrayBuffer, count: number, receive: Receiver, pooled: (kind: number) => boolean = () => false): void {
  if (count === 0) return;
  const f64 = new Float64Array(buffer, 0, buffer.byteLength >> 3);
  const i32 = new Int32Array(buffer, 0, buffer.byteLength >> 2);
  let f = 0;
  for (let r = 0; r < count; r++) {
    const i = f * 2;
    const kind = i32[i + 6], a = i32[i + 9];
    f += SLOTS;
    if (pooled(kind)) {
      receive(f64[f - SLOTS], f64[f - SLOTS + 1], kind, i32[i + 7], i32[i + 8], a, f64[f - SLOTS + 2], i32, f * 2);
      f += (a + 1) >> 1;
    } else {
      receive(f64[f - SLOTS], f64[f - SLOTS + 1], kind, i32[i + 7], i32[i + 8], a, f64[f - SLOTS + 2], null, 0);
    }
  }
}
