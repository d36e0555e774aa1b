/**
 * The CLI's streams, injectable so commands can be tested in-process. Everything the CLI
 * writes goes through `printableIO` (once, in runCli), so no name, path or --vary value
 * can reach the terminal as a control sequence, whichever message it ends up in.
 */
import { printableLines } from '../text/printable.js';

export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
  /** stderr as a stream, for the progress bar (only drawn when it is a TTY; it carries numbers only). */
  errStream?: NodeJS.WriteStream;
}

export const processIO: CliIO = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  errStream: process.stderr,
};

/** `io` with every unsafe character of its text escaped (line breaks and tabs kept). */
export function printableIO(io: CliIO): CliIO {
  return { ...io, out: (t) => io.out(printableLines(t)), err: (t) => io.err(printableLines(t)) };
}
