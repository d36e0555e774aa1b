/**
 * Ctrl-C (SIGINT) and SIGTERM (a scheduler's pre-emption) for the `gossipsim` executable:
 * stop at once with exit code 130 (143), leaving no partial output file. Output files are
 * written synchronously and atomically, so an exit between two JavaScript tasks never
 * leaves half of one; the work itself runs off the main thread (see `workOffThread`), so
 * that the handler runs at once instead of after the current run.
 */
let installed = false;
let note: string | undefined;

/** Installs the handlers (only the executable does; in-process callers keep their own). */
export function handleInterrupts(write: (text: string) => void): void {
  installed = true;
  const stop = (signal: string, code: number) => () => {
    write(`\ngossipsim: interrupted (${signal}); no output file was written${note ? `; ${note}` : ''}.\n`);
    process.exit(code);
  };
  process.on('SIGINT', stop('SIGINT', 130));
  process.on('SIGTERM', stop('SIGTERM', 143));
}

/** True when a handler waits for signals: long work should then leave the main thread free. */
export function workOffThread(): boolean {
  return installed;
}

/** What the interruption message adds, e.g. where the finished runs are kept. */
export function setInterruptNote(text: string | undefined): void {
  note = text;
}
