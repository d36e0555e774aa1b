/** Where the package's own files are, whether running from dist/ or from the sources. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The folder holding gossipsim's package.json. */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if (JSON.parse(readFileSync(pkg, 'utf8')).name === 'gossipsim') return (root = dir);
      } catch { /* keep looking */ }
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the gossipsim package root');
    dir = up;
  }
}

/**
 * A worker entry compiled into dist/sim/<folder>/: the one-file bundle `npm run build`
 * makes of it (scripts/bundle.mjs; it starts in about half the time), else the module.
 */
export function workerEntry(folder: string, name: string): string {
  const dir = join(packageRoot(), 'dist', 'sim', folder);
  const bundle = join(dir, `${name}.bundle.cjs`);
  return existsSync(bundle) ? bundle : join(dir, `${name}.js`);
}
