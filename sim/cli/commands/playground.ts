/** `gossipsim playground`: writes the offline browser playground, one HTML file. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { writeOutputFile } from '../../io/output.js';
import { UsageError } from '../../io/usage-error.js';
import { namedFileTexts } from '../../scenario/node-files.js';
import { GOSSIPSIM_VERSION } from '../../version.js';
import { reportAssets } from '../../../viz/assets.js';
import { renderPlayground } from '../../../playground/html.js';
import type { EmbeddedScenario } from '../../../playground/page.js';
import type { CliIO } from '../io.js';
import { packageRoot } from '../paths.js';
import { bundledScenarios } from './list.js';

/** The files a scenario's keys name (a churn trace), read beside it; none if its text does not parse. */
function filesOf(text: string, file: string): Record<string, string> {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch {
    return {};
  }
  return namedFileTexts(raw, file);
}

/** The bundled scenarios and lessons, with their text, as the page embeds them. */
export function embeddedScenarios(): EmbeddedScenario[] {
  return bundledScenarios().map((s) => {
    const text = readFileSync(s.absolutePath, 'utf8');
    return { path: s.path, name: s.name, summary: s.summary, lesson: s.lesson, text, files: filesOf(text, s.absolutePath) };
  });
}

export function playgroundCommand(opts: { out?: string; quiet?: boolean }, io: CliIO): number {
  const out = opts.out ?? 'playground.html';
  const script = join(packageRoot(), 'dist', 'playground', 'app.bundle.js');
  if (!existsSync(script)) {
    throw new UsageError(`${script}: the playground's script is missing; build the package first (npm run build).`);
  }
  const scenarios = embeddedScenarios();
  const html = renderPlayground({ version: GOSSIPSIM_VERSION, scenarios }, readFileSync(script, 'utf8'), reportAssets());
  writeOutputFile(out, html);
  if (!opts.quiet) {
    const lessons = scenarios.filter((s) => s.lesson).length;
    io.out(`wrote ${out}: ${lessons} lessons and ${scenarios.length - lessons} scenarios; open it in a browser (it needs no network and nothing installed)\n`);
  }
  return 0;
}
