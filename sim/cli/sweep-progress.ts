/**
 * A sweep's progress on stderr: a bar with runs done, runs left and an ETA on a TTY
 * (cli-progress); one line per finished run otherwise, for cluster logs; nothing with --quiet.
 */
import { terminalBar } from './progress.js';
import type { FinishedRun } from '../sweep/sweep.js';
import { formatDuration } from '../../viz/format.js';

export interface SweepProgress {
  update(done: number, total: number, run?: FinishedRun): void;
  done(): void;
}

function describeRun(run: FinishedRun): string {
  const values = run.point.sets.join(' ');
  return `${values ? `${values}, ` : ''}replicate ${run.replicate}, seed ${run.seed}`;
}

/**
 * `stream`: where to draw the bar (stderr); `now`: a clock in seconds (injectable for tests);
 * `writeLine`: where the line mode writes (the CLI's io.err, which makes its --vary values printable).
 * The line mode's ETA is this session's mean time per finished run times the runs left,
 * so runs taken from a journal do not make it look shorter.
 */
export function makeSweepProgress(
  quiet: boolean,
  stream: NodeJS.WriteStream = process.stderr,
  now: () => number = () => performance.now() / 1000,
  writeLine: (text: string) => void = (text) => stream.write(text),
): SweepProgress {
  if (quiet) return { update() {}, done() {} };
  const start = now();
  let first: number | undefined;
  /** Seconds left, from this session's runs; undefined before its first run ends. */
  const eta = (done: number, total: number): number | undefined => {
    const finishedHere = done - (first ?? 0);
    return finishedHere > 0 ? ((now() - start) / finishedHere) * (total - done) : undefined;
  };
  if (stream.isTTY) {
    const bar = terminalBar(stream, 'sweeping [{bar}] {value}/{total} runs, {left} left, ETA {etaText}', { hideCursor: false });
    return {
      update(done, total, run) {
        // Called without a run once, with the runs a journal held: they do not count in the rate.
        if (!run) first = done;
        const seconds = eta(done, total);
        bar.set(done, total, { left: total - done, etaText: seconds === undefined ? '...' : formatDuration(seconds) });
      },
      done: () => bar.stop(),
    };
  }
  return {
    update(done, total, run) {
      if (!run) {
        first = done;
        return;
      }
      const left = total - done;
      const seconds = eta(done, total);
      const etaText = left === 0 || seconds === undefined ? '' : `, ETA ${formatDuration(seconds)}`;
      writeLine(`sweep: run ${done}/${total} finished (${describeRun(run)}) in ${formatDuration(run.wallSeconds)}; ${left} left${etaText}\n`);
    },
    done() {},
  };
}
