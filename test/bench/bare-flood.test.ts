/**
 * The bare flood (bench/bare-flood.ts), the calibration row of bench:speedup: whatever the
 * threads and elision, every peer is informed once and sends to every neighbour but its
 * sender, so 7 n + 1 messages over a random-regular overlay of degree 8; elision queues
 * fewer events. Runs the built script (npm test builds first), as bench:speedup does.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const script = join(__dirname, '..', '..', 'dist', 'bench', 'bare-flood.js');

interface BareRow { threads: number; peers: number; loops: number[]; events: number; messages: number; informed: number }

function bare(threads: number, peers: number, elide: boolean): BareRow {
  const r = spawnSync(process.execPath, [script, String(threads), String(peers), ...(elide ? ['--elide'] : [])], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as BareRow;
}

describe('bench/bare-flood', () => {
  const n = 20_000;
  for (const elide of [false, true]) {
    it(`informs every peer once with 1 and 2 threads${elide ? ', duplicates elided' : ''}`, () => {
      for (const threads of [1, 2]) {
        const row = bare(threads, n, elide);
        expect(row.informed).toBe(n);
        expect(row.messages).toBe(7 * n + 1);
        expect(row.loops).toHaveLength(threads);
        // Each event is the first message or one arrival; the first copy of each peer is one.
        expect(row.events).toBeGreaterThanOrEqual(n);
        expect(row.events).toBeLessThanOrEqual(row.messages + 1);
      }
    });
  }

  it('queues fewer events when it elides duplicates, as the simulator does', () => {
    const plain = bare(2, n, false), elided = bare(2, n, true);
    expect(elided.events).toBeLessThan(0.6 * plain.events);
  });
});
