/**
 * Builds the initial overlay a scenario names (`overlay.model`) from the scenario-level
 * stream 'overlay'. One generator per file under generators/; this only dispatches.
 */
import type { RandomSource } from '../engine/random.js';
import type { Scenario } from '../scenario/schema.js';
import type { Graph } from './graph.js';
import { randomRegular } from './generators/random-regular.js';
import { erdosRenyi } from './generators/erdos-renyi.js';
import { barabasiAlbert } from './generators/barabasi-albert.js';
import { wattsStrogatz } from './generators/watts-strogatz.js';
import { joinRandomOverlay } from './generators/join-random.js';
import { OverlayParameterError } from './errors.js';

/**
 * The overlay on peers 0..n-1. Throws OverlayParameterError (message prefixed with the
 * model name) when the parameters admit no such overlay, e.g. random-regular with n·k odd.
 */
export function buildOverlay(overlay: Scenario['overlay'], n: number, rng: RandomSource): Graph {
  switch (overlay.model) {
    case 'random-regular': return randomRegular(n, { degree: overlay.degree }, rng);
    case 'erdos-renyi': return erdosRenyi(n, { degree: overlay.degree }, rng);
    case 'barabasi-albert': return barabasiAlbert(n, { degree: overlay.degree }, rng);
    case 'watts-strogatz': return wattsStrogatz(n, { degree: overlay.degree, rewire: overlay.rewire }, rng);
    case 'join-random': return joinRandomOverlay(n, { degree: overlay.degree, maxDegree: overlay.maxDegree }, rng);
    default: {
      const never: never = overlay.model;
      throw new OverlayParameterError('overlay', `unknown model ${String(never)}`);
    }
  }
}
