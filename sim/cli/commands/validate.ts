/** `gossipsim validate`: checks several scenario files and says which are fine. */
import { loadScenarioFile } from '../../scenario/load.js';
import type { CliIO } from '../io.js';
import { describeBadInput } from '../report-error.js';

export function validateCommand(files: string[], io: CliIO): number {
  let bad = 0;
  for (const file of files) {
    try {
      const s = loadScenarioFile(file);
      io.out(`ok      ${file}  (${s.name})\n`);
    } catch (err) {
      const message = describeBadInput(err);
      if (message === undefined) throw err;
      bad++;
      io.out(`invalid ${file}\n`);
      io.err(`${message}\n`);
    }
  }
  if (files.length > 1) io.out(`${files.length - bad} of ${files.length} scenario files are valid.\n`);
  return bad > 0 ? 2 : 0;
}
