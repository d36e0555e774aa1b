/**
 * Churn benchmark (issue 6 §8): 10^5 peers under Weibull churn with Cyclon peer sampling
 * for one simulated hour. `node dist/bench/churn.js [peers] [seconds]`:
 *   sessions weibull(shape 0.6, scale 40 min), downtimes exponential(mean 20 min),
 *   Cyclon period 10 s, view 20, shuffle 5, latency uniform 20–120 ms, random-regular
 *   initial overlay of degree 20 (full views from the start).
 * wallSeconds is the simulation (component start to the end); building the overlay is
 * reported apart. bytesPerPeer = (peak RSS − RSS before any peer existed) / peers.
 */
import { NamedStream } from '../sim/engine/random.js';
import { randomRegular } from '../sim/overlay/generators/random-regular.js';
import { PeerSamplingComponent } from '../sim/protocols/sampling/component.js';
import { FAMILIES } from '../sim/families/families.js';
import { ChurnComponent } from '../sim/dynamics/churn/component.js';
import { dynamicsOf } from '../sim/dynamics/shared.js';
import { createContext } from '../sim/run/create-context.js';
import { validate } from '../sim/scenario/validate.js';
import { contributionOf, emit, measure, workloadRow } from './row.js';

const n = Number(process.argv[2] ?? 100_000);
const seconds = Number(process.argv[3] ?? 3600);
const seed = 1;

const baselineRss = process.memoryUsage().rss;
const scenario = validate({
  name: 'bench churn',
  seed,
  duration: seconds,
  peers: { count: n },
  network: { latency: { dist: 'uniform', min: '20ms', max: '120ms' } },
  overlay: { model: 'random-regular', degree: 20, sampling: { protocol: 'cyclon', period: '10s', viewSize: 20, shuffleLength: 5 } },
  churn: {
    session: { dist: 'weibull', shape: 0.6, scale: '40min' },
    downtime: { dist: 'exponential', mean: '20min' },
  },
});

const t0 = performance.now();
const overlay = randomRegular(n, { degree: 20 }, new NamedStream(seed, 'overlay'));
const overlaySeconds = (performance.now() - t0) / 1000;

const ctx = createContext(scenario, overlay);
const { sim, peers, transport } = ctx;
const sampling = new PeerSamplingComponent(scenario.overlay.sampling!, FAMILIES.some((f) => f.readsOverlayDuringRun?.(scenario) ?? false));
const churn = new ChurnComponent(scenario.churn!);

const { wallSeconds, cpuSeconds } = measure(() => {
  sampling.start(ctx);
  churn.start(ctx);
  sim.run(seconds);
});
const results = contributionOf(churn, ctx);
const service = dynamicsOf(ctx).membership.sampling!;
emit({
  ...workloadRow(`churn: weibull sessions + Cyclon (period 10 s, view 20), ${n.toLocaleString('en-US')} peers, ${seconds} s simulated`, n, wallSeconds, sim.events, baselineRss),
  extra: {
    cpuSeconds,
    overlaySeconds,
    exchanges: service.exchanges,
    messages: transport.sent,
    joins: results.churn!.joins,
    leaves: results.churn!.leaves,
    alive: peers.aliveCount,
    deadLinks: service.deadLinkFraction(),
    loadAverage: (await import('node:os')).loadavg()[0],
  },
});
