/** A family's command on one of its files (families/files.ts's FileCommand): `gossipsim trace-summary <trace>`. */
import type { FileCommand } from '../../families/files.js';
import { fileMemoryLimit, readInputFile } from '../../scenario/node-files.js';
import type { CliIO } from '../io.js';

/** Reads `file` as a scenario's file is read (bad input: a ScenarioError, exit 2) and prints the command's output. */
export function fileCommand(command: FileCommand, file: string, flags: Record<string, boolean | undefined>, io: CliIO): number {
  io.out(command.output(readInputFile(command.file, file, fileMemoryLimit()), flags));
  return 0;
}
