/**
 * The bare broadcasts (bench/bare-broadcast.ts), the calibration rows of bench:speedup:
 * whatever the threads and elision, every peer is informed; a flood's peers each forward
 * once, to every neighbour but the sender, so 7 n + 1 messages over a random-regular
 * overlay of degree 8; a push informs everyone in about as many rounds as theory says;
 * elision queues fewer events. Runs the built script (npm test builds
 * first), as bench:speedup does.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const script = join(__dirname, '..', '..', 'dist', 'bench', 'bare-broadcast.js');

interface BareRow { protocol: string; threads: number; peers: number; loops: number[]; rounds: number; events: number; messages: number; informed: number }

function bare(protocol: 'flood' | 'push', threads: number, peers: number, elide: boolean): BareRow {
  const r = spawnSync(process.execPath, [script, protocol, String(threads), String(peers), ...(elide ? ['--elide'] : [])], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as BareRow;
}

describe('bench/bare-broadcast', () => {
  const n = 20_000;
  for (const elide of [false, true]) {
    it(`floods every peer once with 1 and 2 threads${elide ? ', duplicates elided' : ''}`, () => {
      for (const threads of [1, 2]) {
        const row = bare('flood', threads, n, elide);
        expect(row.informed).toBe(n);
        expect(row.messages).toBe(7 * n + 1);
        expect(row.loops).toHaveLength(threads);
        // Each event is the first message or one arrival; the first copy of each peer is one.
        expect(row.events).toBeGreaterThanOrEqual(n);
        expect(row.events).toBeLessThanOrEqual(row.messages + 1);
      }
    });

    it(`pushes to every peer in about log2 n + ln n rounds with 1 and 2 threads${elide ? ', duplicates elided' : ''}`, () => {
      for (const threads of [1, 2]) {
        const row = bare('push', threads, n, elide);
        expect(row.informed).toBe(n);
        expect(row.loops).toHaveLength(threads);
        // The first n − 1 arrivals of new peers, at least; every message at most one event.
        expect(row.events).toBeGreaterThanOrEqual(n - 1);
        expect(row.events).toBeLessThanOrEqual(row.messages);
        // Push to uniform targets informs everyone in log2 n + ln n + O(1) rounds (Pittel
        // 1987): 24.2 for 20,000 peers, within ±3 here (its spread is about one round).
        const theory = Math.log2(n) + Math.log(n);
        expect(Math.abs(row.rounds - theory)).toBeLessThanOrEqual(3);
        // One message a round per informed peer: fewer than n a round, more than n in each
        // of the last ~ln n rounds, when nearly all are informed.
        expect(row.messages).toBeLessThan(row.rounds * n);
        expect(row.messages).toBeGreaterThan(Math.log(n) * 0.9 * n);
      }
    });
  }

  it('queues fewer events when it elides duplicates, as the simulator does', () => {
    expect(bare('flood', 2, n, true).events).toBeLessThan(0.6 * bare('flood', 2, n, false).events);
    // Push: without --elide, only copies for informed peers of the sender's own range are dropped.
    expect(bare('push', 2, n, true).events).toBeLessThan(bare('push', 2, n, false).events);
  });
});
