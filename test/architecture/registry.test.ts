/**
 * Families plug in: the runner, the memory guard, the results assembly, the engine notes,
 * the CLI summary, the report, the scenario schema and its checks reach the families only
 * through the registry (and its list of schema fragments), so adding a family is its folder
 * plus one line in sim/families/registry.ts and its entries in sim/families/fragments.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAMILIES } from '../../sim/families/registry';
import { FRAGMENTS } from '../../sim/families/fragments';
import { importsOf, ROOT } from './imports';

/** Where the families live: one folder each (churn, failures and the observer under sim/dynamics/, beside the membership they share). */
const FAMILY_FOLDERS = ['sim/protocols/', 'sim/dynamics/'];

const GENERIC = [
  'sim/run/run.ts', 'sim/run/run-scenario.ts', 'sim/run/components.ts', 'sim/run/memory-estimate.ts',
  'sim/run/results.ts', 'sim/run/engine-notes.ts', 'sim/run/domains.ts', 'sim/cli/summary.ts',
  'viz/report.ts', 'viz/summary.ts', 'viz/derive.ts',
  // The scenario schema and its validator: family keys and checks come from the fragments list.
  'sim/scenario/schema.ts', 'sim/scenario/checks.ts', 'sim/scenario/validate.ts', 'sim/scenario/fragment.ts',
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
    for (const i of imports) expect(i).toMatch(/\/family\.ts$/);
  });

  it('the scenario schema and checks reach the family fragments through the fragments list', () => {
    expect(importsOf('sim/scenario/schema.ts')).toContain('sim/families/fragments.ts');
    expect(importsOf('sim/scenario/checks.ts')).toContain('sim/families/fragments.ts');
    const imports = importsOf('sim/families/fragments.ts').filter((i) => i !== 'sim/scenario/fragment.ts');
    expect(imports.length).toBeGreaterThanOrEqual(5);
    for (const i of imports) {
      expect(FAMILY_FOLDERS.some((folder) => i.startsWith(folder)), i).toBe(true);
      expect(i).toMatch(/\/schema\.ts$/);
    }
  });

  it('the fragments list is the descriptors\' schemas, in registry order', () => {
    const owned = FAMILIES.flatMap((f) => (f.schema ? [f.schema] : []));
    expect(owned.length).toBe(FRAGMENTS.length);
    owned.forEach((fragment, i) => expect(fragment, FAMILIES.filter((f) => f.schema)[i].name).toBe(FRAGMENTS[i]));
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
