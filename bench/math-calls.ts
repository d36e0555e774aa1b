/**
 * Nanoseconds per call of ln, exp and cos (and V8's Math.log, Math.exp, Math.cos), and per
 * draw of the samplers that use them, for the builds under several roots, alternating.
 * `node dist/bench/math-calls.js <root> <root>... [reps=6]`; each root holds a built dist/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median } from './row.js';

type Fn = (x: number) => number;

/** ns per item of `body(n)` run on `n` items: median of 7 timed passes after 3 warm-up ones (CPU time). */
function nsPer(body: (n: number) => number, n: number): number {
  const t: number[] = [];
  for (let k = 0; k < 10; k++) {
    const c0 = process.cpuUsage();
    body(n);
    const c = process.cpuUsage(c0);
    if (k >= 3) t.push(((c.user + c.system) * 1000) / n);
  }
  return median(t);
}

/** A loop of its own per function (new Function), so that each call site stays monomorphic. */
const callLoop = (): ((f: Fn, xs: Float64Array, n: number) => number) =>
  new Function('f', 'xs', 'n', 'let a = 0; for (let i = 0; i < n; i++) a += f(xs[i & 1048575]); return a;') as never;
const drawLoop = (): ((s: { sample(r: unknown): number }, rng: unknown, n: number) => number) =>
  new Function('s', 'rng', 'n', 'let a = 0; for (let i = 0; i < n; i++) a += s.sample(rng); return a;') as never;

async function child(root: string): Promise<void> {
  const imp = (p: string) => import(pathToFileURL(join(root, 'dist/sim', p)).href);
  const out: Record<string, number> = {};
  // Inputs as the samplers make them: 1 − U for ln, a normal·0.5-sized range for exp, 2πU for cos.
  const u = new Float64Array(1 << 20), e = new Float64Array(1 << 20), a = new Float64Array(1 << 20);
  let s = 1;
  for (let i = 0; i < u.length; i++) { s = (s * 16807) % 2147483647; u[i] = 1 - s / 2147483648; }
  for (let i = 0; i < u.length; i++) { e[i] = (u[i] - 0.5) * 3; a[i] = 2 * Math.PI * u[(i * 7) % u.length]; }
  const calls: Array<[string, Fn, Float64Array]> = [['Math.log', Math.log, u], ['Math.exp', Math.exp, e], ['Math.cos', Math.cos, a]];
  if (existsSync(join(root, 'dist/sim/math/strict.js'))) {
    const m = await imp('math/strict.js');
    calls.push(['ln', m.ln, u], ['exp', m.exp, e], ['cos', m.cos, a]);
  }
  for (const [name, f, xs] of calls) { const loop = callLoop(); out[name] = nsPer((n) => loop(f, xs, n), 5 << 20); }
  const { NamedStream } = await imp('engine/random.js');
  const mods = { lognormal: await imp('random/lognormal.js'), normal: await imp('random/normal.js'), pareto: await imp('random/pareto.js'), weibull: await imp('random/weibull.js') };
  const draws: Array<[string, { sample(r: unknown): number }]> = [
    ['lognormal draw', new mods.lognormal.LognormalSampler(0.05, 0.5)], ['normal draw', new mods.normal.NormalSampler(0.06, 0.015)],
    ['Pareto draw', new mods.pareto.ParetoSampler(0.02, 2.5)], ['Weibull draw', new mods.weibull.WeibullSampler(600, 0.6)]];
  for (const [name, sampler] of draws) { const loop = drawLoop(); const rng = new NamedStream(1, name); out[name] = nsPer((n) => loop(sampler, rng, n), 2e6); }
  process.stdout.write(JSON.stringify(out) + '\n');
}

function main(): void {
  const args = process.argv.slice(2);
  const reps = /^\d+$/.test(args.at(-1) ?? '') ? Number(args.pop()) : 6;
  const roots = args.map((r) => resolve(r));
  if (roots.length < 1) throw new Error('math-calls: give one or more roots, each with a built dist/');
  const self = fileURLToPath(import.meta.url);
  const runs: Array<Array<Record<string, number>>> = roots.map(() => []);
  for (let r = 0; r < reps; r++) {
    for (let j = 0; j < roots.length; j++) { // rotate which build goes first
      const which = (r + j) % roots.length;
      const out = spawnSync(process.execPath, [self, '--child', roots[which]], { encoding: 'utf8' });
      if (out.status !== 0) throw new Error(`math-calls: ${roots[which]} failed:\n${out.stderr}`);
      runs[which].push(JSON.parse(out.stdout.trim().split('\n').pop()!));
    }
    process.stderr.write(`math-calls: rep ${r + 1}/${reps}\n`);
  }
  const names = [...new Set(runs.flatMap((rs) => rs.flatMap((o) => Object.keys(o))))];
  const cell = (rs: Array<Record<string, number>>, name: string) => {
    const xs = rs.map((o) => o[name]).filter((x) => x !== undefined);
    return xs.length === 0 ? '–' : `${median(xs).toFixed(1)} (${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)})`;
  };
  process.stdout.write(`| ns per call or draw | ${roots.join(' | ')} |\n|---|${roots.map(() => '---|').join('')}\n`
    + names.map((n) => `| ${n} | ${runs.map((rs) => cell(rs, n)).join(' | ')} |`).join('\n') + '\n');
}

if (process.argv[2] === '--child') await child(resolve(process.argv[3]));
else main();
