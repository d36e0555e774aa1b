/**
 * Rows of integers kept as runs in one shared Int32Array pool (one run per row), so a
 * peer's item list or an item's holder list can grow without an object per row.
 */

export class RunPool {
  /** Start of each row's run in `pool`. Re-read after appends: arrays may be replaced. */
  start: Int32Array;
  /** Number of values in each row. */
  count: Int32Array;
  /** Slots reserved for each row's run. */
  cap: Int32Array;
  /** The values: row r holds pool[start[r] .. start[r] + count[r]). */
  pool: Int32Array;
  /** Slots of `pool` handed out so far. */
  used = 0;
  /** Number of rows (0..rows-1). */
  rows: number;

  /** `counts[r]` slots reserved for each row, laid out contiguously; rows start empty. */
  constructor(counts: Int32Array) {
    const rows = counts.length;
    this.rows = rows;
    this.start = new Int32Array(Math.max(1, rows));
    this.count = new Int32Array(Math.max(1, rows));
    this.cap = new Int32Array(Math.max(1, rows));
    let o = 0;
    for (let r = 0; r < rows; r++) {
      this.start[r] = o;
      this.cap[r] = counts[r];
      o += counts[r];
    }
    this.used = o;
    this.pool = new Int32Array(Math.max(16, o));
  }

  /** Bytes held by the arrays. */
  get bytes(): number {
    return this.start.byteLength + this.count.byteLength + this.cap.byteLength + this.pool.byteLength;
  }

  /** Makes room for rows 0..n-1 (new rows are empty). */
  ensureRows(n: number): void {
    if (n <= this.rows) return;
    if (n > this.start.length) {
      const c = Math.max(n, Math.ceil(this.start.length * 1.5));
      const grow = (a: Int32Array) => { const b = new Int32Array(c); b.set(a); return b; };
      this.start = grow(this.start);
      this.count = grow(this.count);
      this.cap = grow(this.cap);
    }
    this.rows = n;
  }

  /** Appends `value` to row `r` (which must exist). */
  push(r: number, value: number): void {
    if (this.count[r] === this.cap[r]) this.relocate(r, Math.max(4, this.cap[r] * 2));
    this.pool[this.start[r] + this.count[r]++] = value;
  }

  /** Row r's values (a view: copy it before the next push). */
  row(r: number): Int32Array {
    const s = this.start[r];
    return this.pool.subarray(s, s + this.count[r]);
  }

  /** Moves row r to the end of the pool with room for `newCap` values. */
  private relocate(r: number, newCap: number): void {
    if (this.used + newCap > this.pool.length) {
      const b = new Int32Array(Math.max(this.pool.length * 2, this.used + newCap));
      b.set(this.pool.subarray(0, this.used));
      this.pool = b;
    }
    const o = this.used;
    this.pool.copyWithin(o, this.start[r], this.start[r] + this.count[r]);
    this.start[r] = o;
    this.cap[r] = newCap;
    this.used += newCap;
  }
}
