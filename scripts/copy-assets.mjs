// Copies non-TypeScript assets that the compiled CLI needs next to it: the report's
// client scripts and stylesheet (viz/client/ -> dist/viz/client/, read by viz/assets.ts).
import { chmodSync, cpSync, existsSync, mkdirSync } from 'node:fs';
const bin = 'dist/sim/cli/main.js';
if (existsSync(bin)) chmodSync(bin, 0o755);
mkdirSync('dist/viz/client', { recursive: true });
cpSync('viz/client', 'dist/viz/client', { recursive: true, filter: (src) => !src.endsWith('.ts') });
