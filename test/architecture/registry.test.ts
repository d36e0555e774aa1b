/**
 * Families plug in: the runner, the memory guard, the results assembly, the engine notes,
 * the CLI summary and the report reach the families only through the registry, so adding
 * a family is its folder plus one line in sim/families/registry.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAMILIES } from '../../sim/families/registry';
import { importsOf, ROOT } from './imports';

/** Where the families live: one folder each (the dynamics folder holds churn, failures and their observer). */
const FAMILY_FOLDERS = ['sim/protocols/', 'sim/dynamics/'];

const GENERIC = [
  'sim/run/run.ts', 'sim/run/run-scenario.ts', 'sim/run/components.ts', 'sim/run/memory-estimate.ts',
  'sim/run/results.ts', 'sim/run/engine-notes.ts', 'sim/run/domains.ts', 'sim/cli/summary.ts',
  'viz/report.ts', 'viz/summary.ts', 'viz/derive.ts',
];

describe('family registry', () => {
  it('the generic code imports no family folder', () => {
    const offenders = GENERIC.flatMap((f) => importsOf(f)
      .filter((i) => FAMILY_FOLDERS.some((folder) => i.startsWith(folder)))
      .map((i) => `${f} -> ${i}`));
    expect(offenders).toEqual([]);
  });

  it('the registry imports each family descriptor and nothing else of theirs', () => {
    const imports = importsOf('sim/families/registry.ts').filter((i) => i !== 'sim/families/family.ts');
    expect(imports.length).toBeGreaterThanOrEqual(5);
    for (const i of imports) expect(i).toMatch(/\/(family|families)\.ts$/);
  });

  it('the component factory is reached through the registry: the runner imports it', () => {
    expect(importsOf('sim/run/components.ts')).toContain('sim/families/registry.ts');
    expect(importsOf('viz/summary.ts')).toContain('sim/families/registry.ts');
  });

  it('each family declares its results sections, names unique, types exported from its source', () => {
    const seen = new Set<string>();
    for (const family of FAMILIES) {
      const source = readFileSync(join(ROOT, family.results.source), 'utf8');
      for (const [key, type] of Object.entries(family.results.sections)) {
        expect(seen.has(key), `section ${key} declared twice`).toBe(false);
        seen.add(key);
        expect(source, `${family.name}: ${type} in ${family.results.source}`).toMatch(new RegExp(`export (interface|type) ${type.replace('[]', '')}\\b`));
      }
    }
    expect(new Set(FAMILIES.map((f) => f.name)).size).toBe(FAMILIES.length);
  });
});
