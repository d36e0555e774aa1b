import { describe, expect, it } from 'vitest';
import { makeSweepProgress } from '../../sim/cli/sweep-progress';
import type { FinishedRun } from '../../sim/sweep/sweep';

function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  let written = '';
  const stream = { isTTY, columns: 120, write: (s: string) => { written += s; return true; } } as unknown as NodeJS.WriteStream;
  return { stream, text: () => written };
}

const run = (replicate: number, wallSeconds: number): FinishedRun =>
  ({ point: { index: 0, sets: ['peers.count=100', 'capacity.mode=p2p'], values: {} }, replicate, seed: 7, wallSeconds });

describe('sweep progress', () => {
  it('writes one line per finished run when stderr is not a TTY, with runs left and an ETA from this session only', () => {
    const { stream, text } = fakeStream(false);
    let now = 100;
    const p = makeSweepProgress(false, stream, () => now);
    p.update(2, 6); // two runs taken from a journal: no line, and not counted in the rate
    now = 110;
    p.update(3, 6, run(2, 9.5));
    now = 130;
    p.update(4, 6, run(0, 20));
    now = 140;
    p.update(6, 6, run(1, 3));
    p.done();
    expect(text()).toBe(
      'sweep: run 3/6 finished (peers.count=100 capacity.mode=p2p, replicate 2, seed 7) in 9.5 s; 3 left, ETA 30 s\n' +
      'sweep: run 4/6 finished (peers.count=100 capacity.mode=p2p, replicate 0, seed 7) in 20 s; 2 left, ETA 30 s\n' +
      'sweep: run 6/6 finished (peers.count=100 capacity.mode=p2p, replicate 1, seed 7) in 3 s; 0 left\n');
  });

  it('draws a bar with runs done, runs left and an ETA on a TTY, and clears it at the end', async () => {
    const { stream, text } = fakeStream(true);
    let now = 0;
    const p = makeSweepProgress(false, stream, () => now);
    p.update(2, 8); // two runs from a journal: no ETA until a run of this session ends
    expect(text()).toMatch(/sweeping \[=+-+\] 2\/8 runs, 6 left, ETA \.\.\./);
    now = 8;
    // cli-progress redraws at most every 100 ms on its own clock.
    await new Promise((r) => setTimeout(r, 250));
    p.update(3, 8, run(0, 1));
    p.update(8, 8, run(3, 1));
    p.done();
    expect(text()).toMatch(/sweeping \[=+-+\] 3\/8 runs, 5 left, ETA 40 s/);
    expect(text()).not.toMatch(/sweep: run/);
    // Cleared: the last thing written erases the line.
    expect(text().endsWith('\x1b[2K')).toBe(true);
  });

  it('writes nothing with --quiet, TTY or not', () => {
    for (const tty of [true, false]) {
      const { stream, text } = fakeStream(tty);
      const p = makeSweepProgress(true, stream);
      p.update(1, 2, run(0, 1));
      p.done();
      expect(text()).toBe('');
    }
  });
});

describe('run progress', () => {
  it('draws a bar of simulated time on a TTY only, and nothing with --quiet', async () => {
    const { makeProgress } = await import('../../sim/cli/progress');
    const tty = fakeStream(true);
    const p = makeProgress('simulating', false, tty.stream);
    p.update(0.25);
    p.done();
    expect(tty.text()).toMatch(/simulating \[=+-+\] 25% of simulated time/);
    for (const [isTTY, quiet] of [[false, false], [true, true]]) {
      const s = fakeStream(isTTY);
      const q = makeProgress('simulating', quiet, s.stream);
      q.update(0.5);
      q.done();
      expect(s.text()).toBe('');
    }
  });
});
