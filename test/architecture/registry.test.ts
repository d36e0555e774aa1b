/**
 * Families plug in: a family is one folder (descriptor, schema fragment, component, results,
 * report section) plus one line in sim/families/registry.ts. The runner, the scenario schema
 * and its checks, the results, the summary and the report reach the families only through
 * that registry (sim/families/families.ts turns its lines into lists).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { FAMILIES, FRAGMENTS } from '../../sim/families/families';
import type { Scenario } from '../../sim/scenario/schema';
import { importClosure, importsOf, ROOT, valueImportClosure } from './imports';

/** The registry's lines: `export { xFamily } from '<its folder>/<descriptor>.js';`, nothing else. */
const LINE = /^export \{ (\w+(?:, \w+)*) \} from '\.\.\/([\w/-]+)\/(\w+)\.js';$/;

function registryLines(): Array<{ names: string[]; folder: string; module: string }> {
  const code = readFileSync(join(ROOT, 'sim/families/registry.ts'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  return code.split('\n').filter((line) => line.trim() !== '').map((line) => {
    const m = LINE.exec(line);
    if (!m) throw new Error(`sim/families/registry.ts: not a registry line: ${line}`);
    return { names: m[1].split(', '), folder: `sim/${m[2]}/`, module: `sim/${m[2]}/${m[3]}.ts` };
  });
}

const GENERIC = [
  'sim/run/run.ts', 'sim/run/run-scenario.ts', 'sim/run/components.ts', 'sim/run/memory-estimate.ts',
  'sim/run/results.ts', 'sim/run/engine-notes.ts', 'sim/run/domains.ts', 'sim/cli/summary.ts',
  'viz/report.ts', 'viz/summary.ts', 'viz/derive.ts', 'viz/assets.ts',
  'sim/scenario/schema.ts', 'sim/scenario/checks.ts', 'sim/scenario/validate.ts', 'sim/scenario/fragment.ts',
  'sim/families/families.ts', 'sim/families/family.ts',
];

describe('family registry', () => {
  it('is one line per family folder, each naming only that folder\'s descriptors', () => {
    const lines = registryLines();
    expect(lines.length).toBeGreaterThanOrEqual(6);
    expect(new Set(lines.map((l) => l.folder)).size).toBe(lines.length);
    const registered = lines.flatMap((l) => l.names).sort();
    expect(registered).toEqual(FAMILIES.map((f) => `${f.name}Family`).sort());
  });

  it('lists the families in run order (unique runRank), names unique', () => {
    const ranks = FAMILIES.map((f) => f.runRank);
    expect(new Set(ranks).size).toBe(FAMILIES.length);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(FAMILIES.map((f) => f.name)).size).toBe(FAMILIES.length);
    // The run order the goldens were recorded with (test/golden).
    expect(FAMILIES.map((f) => f.name)).toEqual(
      ['sampling', 'churn', 'failures', 'dynamics', 'structured', 'search', 'broadcast', 'capacity', 'aggregation']);
  });

  it('the schema fragments are the descriptors\' own, in run order', () => {
    const owned = FAMILIES.flatMap((f) => (f.schema ? [f.schema] : []));
    expect(owned.length).toBeGreaterThanOrEqual(7);
    expect(FRAGMENTS).toEqual(owned);
    owned.forEach((fragment, i) => expect(FRAGMENTS[i]).toBe(fragment));
  });

  it('the generic code imports no family folder', () => {
    const folders = registryLines().map((l) => l.folder);
    const offenders = GENERIC.flatMap((f) => importsOf(f)
      .filter((i) => folders.some((folder) => i.startsWith(folder)))
      .map((i) => `${f} -> ${i}`));
    expect(offenders).toEqual([]);
    expect(importsOf('sim/scenario/schema.ts')).toContain('sim/families/families.ts');
    expect(importsOf('sim/run/components.ts')).toContain('sim/families/families.ts');
    expect(importClosure('sim/families/families.ts')).toContain('sim/families/registry.ts');
  });

  it('no family module reaches the schema or the family lists at run time (their loading has no cycle)', () => {
    // families.ts reads every descriptor while it loads, and the schema reads families.ts:
    // a family that imported either back would find its own descriptor not yet defined.
    for (const { module } of registryLines()) {
      const closure = valueImportClosure(module);
      expect(closure.size, `${module}: the import parser found nothing`).toBeGreaterThan(5);
      for (const shared of ['sim/scenario/schema.ts', 'sim/families/families.ts', 'sim/families/registry.ts']) {
        expect(closure.has(shared), `${module} imports ${shared} (not only its types)`).toBe(false);
      }
    }
  });

  it('the Scenario type keeps each family key\'s exact type', () => {
    expectTypeOf<Scenario>().not.toBeAny();
    expectTypeOf<string extends keyof Scenario ? true : false>().toEqualTypeOf<false>();
    expectTypeOf<NonNullable<Scenario['capacity']>['chunk']>().toEqualTypeOf<number>();
    expectTypeOf<NonNullable<Scenario['capacity']>['mode']>().toEqualTypeOf<'p2p' | 'client-server'>();
    expectTypeOf<Scenario['workload']['broadcasts'][number]['protocol']>().toEqualTypeOf<'push' | 'pull' | 'push-pull' | 'flood'>();
    expectTypeOf<NonNullable<Scenario['overlay']['sampling']>>().not.toBeAny();
    expectTypeOf<Scenario['failures'][number]['target']>().toEqualTypeOf<'random' | 'degree'>();
    expectTypeOf<NonNullable<Scenario['aggregation']>['aggregate']>().toEqualTypeOf<'count' | 'average'>();
    expectTypeOf<Scenario['workload']['searches']>().not.toBeAny();
    expect(FRAGMENTS.length).toBeGreaterThan(0); // the checks above are compile-time (tsconfig.test.json)
  });

  it('each family declares its results sections, names unique, types exported from its source', () => {
    const seen = new Set<string>();
    for (const family of FAMILIES) {
      const source = readFileSync(join(ROOT, family.results.source), 'utf8');
      for (const [key, type] of Object.entries(family.results.sections) as Array<[string, string]>) {
        expect(seen.has(key), `section ${key} declared twice`).toBe(false);
        seen.add(key);
        expect(source, `${family.name}: ${type} in ${family.results.source}`).toMatch(new RegExp(`export (interface|type) ${type.replace('[]', '')}\\b`));
      }
    }
  });

  it('each family\'s report script lies in its folder and registers under its name', () => {
    const lines = registryLines();
    const withScript = FAMILIES.filter((f) => f.reportClient);
    expect(withScript.length).toBeGreaterThanOrEqual(5);
    for (const family of withScript) {
      const folder = lines.find((l) => l.names.includes(`${family.name}Family`))!.folder;
      expect(family.reportClient!.startsWith(folder), `${family.name}: ${family.reportClient}`).toBe(true);
      expect(family.reportClient).toMatch(/\.client\.js$/);
      const script = readFileSync(join(ROOT, family.reportClient!), 'utf8');
      expect(script).toContain(`GS.family('${family.name}', {`);
    }
  });
});
