/**
 * A progress bar on stderr, drawn only on a TTY and never with --quiet, so that stdout
 * and redirected stderr carry only what the user asked for.
 */
export interface Progress {
  update(fraction: number, detail?: string): void;
  done(): void;
}

const silent: Progress = { update() {}, done() {} };

export function makeProgress(label: string, quiet: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (quiet || !stream.isTTY) return silent;
  let last = -1;
  let lastDraw = 0;
  const width = 30;
  return {
    update(fraction: number, detail = '') {
      const pct = Math.max(0, Math.min(100, Math.floor(fraction * 100)));
      const now = Date.now();
      if (pct === last && now - lastDraw < 250) return;
      last = pct;
      lastDraw = now;
      const filled = Math.round((pct / 100) * width);
      stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(pct).padStart(3)}% ${detail}\x1b[K`);
    },
    done() {
      if (last >= 0) stream.write('\r\x1b[K');
    },
  };
}
