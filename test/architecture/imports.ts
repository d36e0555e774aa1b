/** The static import graph of sim/ and viz/ (relative imports only), for layering tests. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (/\.(ts|js)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** Source files under `folder` (relative to the repository root), as root-relative paths. */
export function sourceFiles(folder: string): string[] {
  return walk(join(ROOT, folder), []).map((p) => relative(ROOT, p)).sort();
}

/** The root-relative files `file` imports (`import ... from './x.js'`, `export ... from`). */
export function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/g)) {
    out.push(relative(ROOT, resolve(ROOT, dirname(file), m[1])).replace(/\.js$/, '.ts'));
  }
  return out;
}

/** Every file reachable from `file` through `edges` (importsOf by default), `file` included. */
export function importClosure(file: string, edges: (file: string) => string[] = importsOf): Set<string> {
  const seen = new Set<string>();
  const stack = [file];
  while (stack.length > 0) {
    const f = stack.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    try { stack.push(...edges(f)); } catch { /* a .js client asset or a missing file: not followed */ }
  }
  return seen;
}

/** What `file` imports for use at run time: `import type` and all-`type` named imports left out. */
export function valueImportsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b([^'"]*?)from\s+['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const clause = m[1].trim();
    const named = /^\{([^}]*)\}$/.exec(clause);
    const typeOnly = /^type\b/.test(clause) ||
      (named !== null && named[1].split(',').map((n) => n.trim()).filter(Boolean).every((n) => n.startsWith('type ')));
    if (!typeOnly) out.push(relative(ROOT, resolve(ROOT, dirname(file), m[2])).replace(/\.js$/, '.ts'));
  }
  return out;
}

/** Every file reachable from `file` through run-time relative imports, `file` included. */
export const valueImportClosure = (file: string): Set<string> => importClosure(file, valueImportsOf);
