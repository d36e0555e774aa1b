#!/usr/bin/env node
/** The `gossipsim` executable: runs the CLI and exits with its code. */
import { runCli } from './program.js';

runCli(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`gossipsim: internal error: ${(err as Error)?.message ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
