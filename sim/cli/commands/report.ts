/** `gossipsim report`: renders a report from a results file alone. */
import { join } from 'node:path';
import { writeOutputFile } from '../../io/output.js';
import { renderReport } from '../../../viz/report.js';
import type { CliIO } from '../io.js';
import { slug } from '../paths.js';
import { readResultsFile } from '../../io/results-file.js';

export function reportCommand(file: string, opts: { out?: string; quiet?: boolean }, io: CliIO): number {
  const data = readResultsFile(file);
  const out = opts.out ?? join('reports', `${slug(data.scenario.name)}.html`);
  writeOutputFile(out, renderReport(data), [file]);
  if (!opts.quiet) io.out(`wrote ${out}\n`);
  return 0;
}
