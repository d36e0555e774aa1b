/**
 * A family is its folder plus one registry line: no file of the simulator, the report or the
 * playground (sim/, viz/, playground/) outside a family's folder names that folder or anything
 * it exports, but the family's line in sim/families/registry.ts. Exceptions are listed below,
 * each with its reason; the test fails when one is no longer needed, so the list cannot rot.
 * Tests, benchmarks and scripts (the validation table) exercise particular families and are
 * not checked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAMILIES } from '../../sim/families/families';
import { ROOT, sourceFiles } from './imports';

/** The family folders: those the registry's lines import from. */
function familyFolders(): string[] {
  const text = readFileSync(join(ROOT, 'sim/families/registry.ts'), 'utf8');
  return [...new Set([...text.matchAll(/from '\.\.\/([\w/-]+)\/\w+\.js'/g)].map((m) => `sim/${m[1]}/`))];
}

/** Code without its comments and the contents of its strings (where words are not names). */
function codeOf(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/(^|[^:\\])\/\/.*$/gm, '$1')
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''");
}

/** The names a folder's modules export. */
function exportedNames(folder: string): Set<string> {
  const names = new Set<string>();
  for (const file of sourceFiles(folder)) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const m of text.matchAll(/export\s+(?:declare\s+)?(?:abstract\s+)?(?:const|let|function\*?|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/g)) names.add(m[1]);
    for (const m of text.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/g)) {
      for (const part of m[1].split(',')) {
        const name = part.trim().replace(/^type\s+/, '').split(/\s+as\s+/).pop();
        if (name) names.add(name);
      }
    }
  }
  return names;
}

/** Names `code` declares itself (a local `interface Phase` is not the family's). */
function declaredIn(code: string): Set<string> {
  return new Set([...code.matchAll(/\b(?:const|let|var|function|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/g)].map((m) => m[1]));
}

/**
 * Files (or folders, ending in /) allowed to name a family folder, and why. Each entry
 * names the family folders it may name.
 */
const EXCEPTIONS: Array<{ where: string; names: string[]; why: string }> = [
  { where: 'sim/families/registry.ts', names: ['*'], why: 'the registry: one line per family (registry.test.ts checks its form)' },
];

function findOffences(): string[] {
  const folders = familyFolders();
  const files = [...sourceFiles('sim'), ...sourceFiles('viz'), ...sourceFiles('playground')];
  const offences: string[] = [];
  for (const folder of folders) {
    const names = exportedNames(folder);
    const path = new RegExp(`(?<![\\w-])${folder.slice('sim/'.length)}`); // protocols/search/, dynamics/
    for (const file of files) {
      if (file.startsWith(folder)) continue;
      const text = readFileSync(join(ROOT, file), 'utf8');
      const code = codeOf(text);
      const own = declaredIn(code);
      const named = [...names].filter((n) => !own.has(n) && new RegExp(`(?<![\\w$.])${n.replace(/\$/g, '\\$')}(?![\\w$])`).test(code));
      if (path.test(text) || named.length > 0) offences.push(`${file} names ${folder}${named.length ? ` (${named.join(', ')})` : ''}`);
    }
  }
  return offences;
}

const excused = (offence: string) => EXCEPTIONS.find((e) => {
  const [file, folder] = /^(\S+) names (\S+)/.exec(offence)!.slice(1);
  return (e.where.endsWith('/') ? file.startsWith(e.where) : file === e.where) && (e.names.includes('*') || e.names.includes(folder));
});

describe('family names', () => {
  const offences = findOffences();

  it('finds the family folders and what they export', () => {
    expect(familyFolders().length).toBeGreaterThanOrEqual(6);
    expect(exportedNames('sim/protocols/capacity/')).toContain('CapacityComponent');
    // Guards the scan itself: the registry names every family.
    expect(offences.filter((o) => o.startsWith('sim/families/registry.ts ')).length).toBe(familyFolders().length);
  });

  it('no file outside a family\'s folder names it, but its registry line and the listed exceptions', () => {
    expect(offences.filter((o) => !excused(o))).toEqual([]);
  });

  it('every exception is still needed', () => {
    const unused = EXCEPTIONS.filter((e) => !offences.some((o) => excused(o) === e)).map((e) => e.where);
    expect(unused).toEqual([]);
  });

  it('the report\'s client code names no family nor a family\'s results section', () => {
    // The run and sweep reports draw each family through the script its folder registers
    // (GS.family); the sweep report's section titles and order come from the descriptors.
    // Search's `data` section is left out: it is d3's selection.data(), in every drawing file.
    const words = [...new Set(FAMILIES.flatMap((f) => [f.name, ...Object.keys(f.results.sections)]))].filter((w) => w !== 'data');
    expect(words).toContain('broadcasts');
    const named = sourceFiles('viz/client').filter((f) => f.endsWith('.js')).flatMap((file) => {
      const code = codeOf(readFileSync(join(ROOT, file), 'utf8'));
      const hits = words.filter((w) => new RegExp(`(?<![\\w$])${w}(?![\\w$])`).test(code));
      return hits.length ? [`${file}: ${hits.join(', ')}`] : [];
    });
    expect(named).toEqual([]);
  });
});
