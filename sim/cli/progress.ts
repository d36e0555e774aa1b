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

export function makeProgress(label: string, quiet: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (quiet || !stream.isTTY) return silent;
  const bar = new cliProgress.SingleBar({
    stream,
    format: `${label} [{bar}] {percentage}% of simulated time, ETA {eta_formatted}`,
    barsize: 30,
    clearOnComplete: true,
    gracefulExit: false,
  }, cliProgress.Presets.legacy);
  let started = false;
  return {
    update(fraction: number) {
      const pct = Math.max(0, Math.min(100, Math.floor(fraction * 100)));
      if (!started) {
        bar.start(100, pct);
        started = true;
      } else {
        bar.update(pct);
      }
    },
    done() {
      if (started) bar.stop();
    },
  };
}
