/**
 * The run flows one way: CLI → run → components → results → report. No file outside
 * sim/cli/ imports from it, so io/, sweep/, parallel/, run/ and the report can be used
 * (by tests, benchmarks, a browser playground) without the command line.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, importClosure, importsOf, sourceFiles } from './imports';

describe('layers', () => {
  it('nothing outside sim/cli/ imports sim/cli/', () => {
    const files = [...sourceFiles('sim'), ...sourceFiles('viz'), ...sourceFiles('playground')].filter((f) => !f.startsWith('sim/cli/'));
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.flatMap((f) => importsOf(f).filter((i) => i.startsWith('sim/cli/')).map((i) => `${f} -> ${i}`));
    expect(offenders).toEqual([]);
  });

  it('the playground imports no node: module, directly or through what it imports (it runs in a browser)', () => {
    const closure = [...importClosure('playground/app.ts'), 'playground/html.ts'];
    expect(closure.length).toBeGreaterThan(50);
    const nodeImports = closure.filter((f) => /from\s+['"]node:/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(nodeImports).toEqual([]);
  });

  it('the import parser sees the CLI importing the run entry point', () => {
    // Guards the test above against a parser that finds nothing.
    expect(importsOf('sim/cli/commands/run.ts')).toContain('sim/run/run.ts');
  });
});
