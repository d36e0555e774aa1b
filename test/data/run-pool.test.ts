/** RunPool: rows of ints in one pool; rows grow past their reserved room and new rows appear. */
import { describe, expect, it } from 'vitest';
import { RunPool } from '../../sim/data/run-pool';

describe('RunPool', () => {
  it('keeps every row intact while rows grow and move', () => {
    const pool = new RunPool(Int32Array.from([2, 0, 1]));
    const ref: number[][] = [[], [], []];
    const push = (r: number, v: number) => { pool.push(r, v); ref[r].push(v); };
    for (let k = 0; k < 50; k++) push(k % 3, k);
    pool.ensureRows(6);
    ref.push([], [], []);
    for (let k = 0; k < 40; k++) push(3 + (k % 3), 100 + k);
    push(1, -5);
    for (let r = 0; r < 6; r++) expect(Array.from(pool.row(r))).toEqual(ref[r]);
    expect(pool.rows).toBe(6);
  });
});
