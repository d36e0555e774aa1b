// Copies non-TypeScript assets that the compiled CLI needs next to it (none yet besides
// what is read from the source tree at run time); kept as a hook for viz assets.
import { chmodSync, existsSync } from 'node:fs';
const bin = 'dist/sim/cli/main.js';
if (existsSync(bin)) chmodSync(bin, 0o755);
