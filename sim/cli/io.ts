/** The CLI's streams, injectable so commands can be tested in-process. */
export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
  /** stderr as a stream, for the progress bar (only drawn when it is a TTY). */
  errStream?: NodeJS.WriteStream;
}

export const processIO: CliIO = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  errStream: process.stderr,
};
