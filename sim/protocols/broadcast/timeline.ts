/**
 * A bounded time series of one broadcast's informed count, for the report: change number
 * 0, stride, 2·stride, ... (the stride doubles whenever the series is full) plus the
 * latest change, so at most MAX_POINTS + 1 points whatever the number of changes.
 */

/** Points kept between the first and the last before the series is thinned. */
const MAX_POINTS = 400;

export interface TimelineState {
  time: number[];
  value: number[];
  stride: number;
  offered: number;
  lastTime: number;
  lastValue: number;
}

export class Timeline {
  private readonly time: number[] = [];
  private readonly value: number[] = [];
  private stride = 1;
  private offered = 0;
  private lastTime = NaN;
  private lastValue = NaN;

  /** Records a change (time, value); keeps only every `stride`-th one. */
  offer(time: number, value: number): void {
    this.lastTime = time;
    this.lastValue = value;
    if (this.offered++ % this.stride !== 0) return;
    this.time.push(time);
    this.value.push(value);
    if (this.time.length >= MAX_POINTS) this.thin();
  }

  /**
   * Records `count` changes at once, change k (0-based) being (timeOf(k), valueOf(k)): the
   * same as `count` calls of `offer`, but asks only for the changes it keeps (a parallel
   * run finds them in its partitions' sorted logs without merging them all).
   */
  offerAll(count: number, timeOf: (k: number) => number, valueOf: (k: number) => number): void {
    for (let k = 0; k < count; k++) {
      if (this.offered++ % this.stride !== 0) continue;
      this.time.push(timeOf(k));
      this.value.push(valueOf(k));
      if (this.time.length >= MAX_POINTS) this.thin();
    }
    if (count > 0) {
      this.lastTime = timeOf(count - 1);
      this.lastValue = valueOf(count - 1);
    }
  }

  /** Its whole state, as plain data (a split run builds it in one partition, see timeline-stream.ts). */
  state(): TimelineState {
    return { time: this.time.slice(), value: this.value.slice(), stride: this.stride, offered: this.offered, lastTime: this.lastTime, lastValue: this.lastValue };
  }

  /** Takes the state of another timeline (from `state`). */
  load(s: TimelineState): void {
    this.time.length = 0;
    this.time.push(...s.time);
    this.value.length = 0;
    this.value.push(...s.value);
    this.stride = s.stride;
    this.offered = s.offered;
    this.lastTime = s.lastTime;
    this.lastValue = s.lastValue;
  }

  /** Halves the kept points: changes 0, 2·stride, 4·stride, ... survive. */
  private thin(): void {
    const t = this.time, v = this.value;
    let j = 0;
    for (let i = 0; i < t.length; i += 2, j++) { t[j] = t[i]; v[j] = v[i]; }
    t.length = j;
    v.length = j;
    this.stride *= 2;
  }

  /** The series: every kept point plus the latest change (if it was not kept). */
  toJSON(): { time: number[]; informed: number[] } {
    const time = this.time.slice(), informed = this.value.slice();
    const n = time.length;
    if (this.offered > 0 && (n === 0 || time[n - 1] !== this.lastTime || informed[n - 1] !== this.lastValue)) {
      time.push(this.lastTime);
      informed.push(this.lastValue);
    }
    return { time, informed };
  }
}
