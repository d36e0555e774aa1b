/**
 * The cost of deterministic math (issue 24): thread CPU time of whole single-thread runs
 * whose hot loops draw from distributions, with the code of two builds, alternating.
 * `node dist/bench/math-cost.js <root> <root>... [reps=10] [filter]`; each root holds a built
 * dist/. Each run is its own process; medians, spreads and the change against the first
 * root are printed.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median } from './row.js';

/** Push gossip until all are informed, with the given latency. */
const push = (latency: string) => `name: b
duration: 1h
peers: { count: 300000 }
network: { latency: ${latency} }
overlay: { model: random-regular, degree: 8 }
workload: { broadcasts: [{ at: 0, protocol: push, forward: rounds, fanout: 1, period: 1s, maxRounds: 1000, targets: uniform }] }
`;

/** Scenarios whose runs draw a latency per message, churn sessions, Zipf ranks or ER gaps. */
export const MATH_WORKLOADS: Array<{ name: string; yaml: string }> = [
  { name: 'push gossip, 3·10^5 peers, lognormal latency (2 uniforms, exp, ln, cos per message)', yaml: push('{ dist: lognormal, median: 50ms, sigma: 0.5 }') },
  { name: 'push gossip, 3·10^5 peers, constant latency (control: no draws)', yaml: push('50ms') },
  { name: 'churn, 10^4 peers, Weibull sessions, exponential downtimes and arrivals, Pareto latency, 20 min', yaml: `name: b
duration: 20min
peers: { count: 10000 }
network: { latency: { dist: pareto, scale: 20ms, shape: 2.5 } }
overlay: { model: join-random, degree: 6, maxDegree: 16, repair: true }
churn:
  session: { dist: weibull, shape: 0.6, scale: 10min }
  downtime: { dist: exponential, mean: 5min }
  arrivals: 2/s
` },
  { name: 'search, 2·10^4 peers, random walks at Poisson times (20/s for 300 s), Zipf popularity, normal latency', yaml: `name: b
duration: 300s
peers: { count: 20000 }
network: { latency: { dist: normal, mean: 60ms, sd: 15ms } }
overlay: { model: random-regular, degree: 4 }
data: { objects: 1000, replication: { strategy: square-root, ratio: 0.01 }, popularity: { dist: zipf, exponent: 1 } }
workload: { searches: [{ protocol: random-walk, walkers: 16, ttl: 256, checkEvery: 4, rate: 20/s, start: 1s }] }
` },
  { name: 'Erdős–Rényi overlay, 10^6 peers, mean degree 8 (one ln per link)', yaml: `name: b
duration: 1s
peers: { count: 1000000 }
network: { latency: 10ms }
overlay: { model: erdos-renyi, degree: 8 }
` },
];

/** In a child: run workload `index` with the build under `root`; print its thread CPU seconds. */
async function child(root: string, index: number): Promise<void> {
  const { loadScenarioText } = await import(pathToFileURL(join(root, 'dist/sim/scenario/load.js')).href);
  const { runScenario } = await import(pathToFileURL(join(root, 'dist/sim/run/run-scenario.js')).href);
  const { threadCpuSeconds } = await import('../sim/parallel/thread-cpu.js');
  const scenario = loadScenarioText(MATH_WORKLOADS[index].yaml, 'bench.yaml', []);
  const cpu0 = threadCpuSeconds();
  const results = runScenario(scenario);
  const cpu = threadCpuSeconds() - cpu0;
  process.stdout.write(JSON.stringify({ cpu, events: results.engine.events }) + '\n');
}

function main(): void {
  const args = process.argv.slice(2);
  const firstNumber = args.findIndex((a) => /^\d+$/.test(a));
  const roots = (firstNumber < 0 ? args : args.slice(0, firstNumber)).map((r) => resolve(r));
  const [repsArg, filter] = firstNumber < 0 ? [] : args.slice(firstNumber);
  if (roots.length < 2) throw new Error('math-cost: give at least two roots, each with a built dist/');
  const reps = Number(repsArg ?? 10);
  const self = fileURLToPath(import.meta.url);
  const rows: string[] = [];
  MATH_WORKLOADS.forEach((w, index) => {
    if (filter && !w.name.includes(filter)) return;
    const cpu: number[][] = roots.map(() => []);
    let events = 0;
    for (let r = 0; r < reps; r++) {
      // Rotate which build goes first, so drift in the machine's speed hits all alike.
      for (let j = 0; j < roots.length; j++) {
        const which = (r + j) % roots.length;
        const out = spawnSync(process.execPath, [self, '--child', roots[which], String(index)], { encoding: 'utf8' });
        if (out.status !== 0) throw new Error(`math-cost: ${w.name} (${roots[which]}) failed:\n${out.stderr}`);
        const row = JSON.parse(out.stdout.trim().split('\n').pop()!) as { cpu: number; events: number };
        cpu[which].push(row.cpu);
        events = row.events;
      }
      process.stderr.write(`math-cost: ${w.name}: rep ${r + 1}/${reps}\n`);
    }
    const medians = cpu.map(median);
    // Spread: the middle half of the runs (quartiles), as the runs of one build vary on a shared machine.
    const quartiles = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return `${s[Math.floor((s.length - 1) / 4)].toFixed(2)}–${s[Math.ceil(3 * (s.length - 1) / 4)].toFixed(2)}`; };
    const cells = medians.map((m, i) => `${m.toFixed(3)} (${quartiles(cpu[i])})${i === 0 ? '' : ` ${((m / medians[0] - 1) * 100).toFixed(1)}%`}`);
    rows.push(`| ${w.name} | ${events.toLocaleString('en-US')} | ${cells.join(' | ')} |`);
    cpu.forEach((xs, i) => process.stderr.write(`math-cost: ${roots[i]}: ${xs.map((x) => x.toFixed(2)).join(' ')}\n`));
  });
  const head = roots.map((r, i) => `thread CPU s, ${r}${i === 0 ? '' : ', change'}`);
  process.stdout.write(`| workload | events | ${head.join(' | ')} |\n|---|---|${roots.map(() => '---|').join('')}\n${rows.join('\n')}\n`);
}

if (process.argv[2] === '--child') await child(resolve(process.argv[3]), Number(process.argv[4]));
else main();
