/** `gossipsim list`: bundled scenarios and lessons, one line each. */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadScenarioFile } from '../../scenario/load.js';
import type { CliIO } from '../io.js';
import { packageRoot } from '../paths.js';

export interface BundledScenario {
  /** Path relative to the package root, e.g. scenarios/lessons/rumour-spreading.yaml. */
  path: string;
  absolutePath: string;
  name: string;
  /** First sentence of the description's first paragraph (markdown stripped). */
  summary: string;
  lesson: boolean;
}

function firstSentence(markdown: string): string {
  const para = markdown.split(/\n\s*\n/).map((p) => p.trim()).find((p) => p && !p.startsWith('#')) ?? '';
  const plain = para.replace(/[*_`>#]/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\s+/g, ' ').trim();
  const m = plain.match(/^(.+?[.!?])(\s|$)/);
  return m ? m[1] : plain;
}

export function bundledScenarios(): BundledScenario[] {
  const root = packageRoot();
  const found: BundledScenario[] = [];
  for (const [dir, lesson] of [['scenarios', false], ['scenarios/lessons', true]] as const) {
    const abs = join(root, dir);
    let names: string[] = [];
    try {
      names = readdirSync(abs).filter((n) => /\.(ya?ml|json)$/.test(n) && n !== 'scenario.schema.json').sort();
    } catch {
      continue;
    }
    for (const n of names) {
      const absolutePath = join(abs, n);
      const s = loadScenarioFile(absolutePath);
      found.push({ path: relative(root, absolutePath), absolutePath, name: s.name, summary: firstSentence(s.description), lesson });
    }
  }
  return found;
}

export function listCommand(io: CliIO): number {
  const all = bundledScenarios();
  const width = Math.max(...all.map((s) => s.path.length), 10);
  for (const lesson of [false, true]) {
    const group = all.filter((s) => s.lesson === lesson);
    if (group.length === 0) continue;
    io.out(lesson ? '\nLessons (scenarios/lessons/):\n' : 'Scenarios:\n');
    for (const s of group) io.out(`  ${s.path.padEnd(width)}  ${s.name}${s.summary ? ` — ${s.summary}` : ''}\n`);
  }
  return 0;
}
