/**
 * A run's progress bar on stderr (cli-progress, as the sweep's), drawn only on a TTY and
 * never with --quiet, so that stdout and redirected stderr carry only what the user asked for.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  update(fraction: number): void;
  done(): void;
}

const silent: Progress = { update() {}, done() {} };

/** A cli-progress bar on `stream` (a TTY), drawn from its first update on; the run's and the sweep's. */
export interface TerminalBar {
  set(value: number, total: number, payload?: Record<string, unknown>): void;
  stop(): void;
}

export function terminalBar(stream: NodeJS.WriteStream, format: string, options: { hideCursor?: boolean } = {}): TerminalBar {
  const bar = new cliProgress.SingleBar({
    stream, format, barsize: 30, clearOnComplete: true, gracefulExit: false, ...options,
  }, cliProgress.Presets.legacy);
  let started = false;
  return {
    set(value, total, payload) {
      if (!started) {
        bar.start(total, value, payload);
        started = true;
      } else {
        bar.update(value, payload);
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

export function makeProgress(label: string, quiet: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (quiet || !stream.isTTY) return silent;
  const bar = terminalBar(stream, `${label} [{bar}] {percentage}% of simulated time, ETA {eta_formatted}`);
  return {
    update: (fraction) => bar.set(Math.max(0, Math.min(100, Math.floor(fraction * 100))), 100),
    done: () => bar.stop(),
  };
}
