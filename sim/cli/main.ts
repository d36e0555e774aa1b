#!/usr/bin/env node
/** The `gossipsim` executable: runs the CLI and exits with its code. */
import { handleInterrupts } from './interrupt.js';
import { runCli } from './program.js';
import { printableIO, processIO } from './io.js';

handleInterrupts((text) => process.stderr.write(text));

runCli(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => {
    printableIO(processIO).err(`gossipsim: internal error: ${(err as Error)?.message ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
