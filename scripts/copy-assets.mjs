// Copies non-TypeScript assets that the compiled CLI needs next to it: the report's
// client scripts and stylesheet (viz/client/ -> dist/viz/client/, read by viz/assets.ts)
// and each family's drawing script (sim/**/*.client.js -> dist/sim/**, its reportClient).
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
const bin = 'dist/sim/cli/main.js';
if (existsSync(bin)) chmodSync(bin, 0o755);
mkdirSync('dist/viz/client', { recursive: true });
cpSync('viz/client', 'dist/viz/client', { recursive: true, filter: (src) => !src.endsWith('.ts') });
const copyClients = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) copyClients(path);
    else if (entry.name.endsWith('.client.js')) {
      mkdirSync(dirname(join('dist', path)), { recursive: true });
      cpSync(path, join('dist', path));
    }
  }
};
copyClients('sim');
