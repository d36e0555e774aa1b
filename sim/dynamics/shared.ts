/**
 * What the dynamics components of one run share: the membership (the only code that
 * takes peers down and brings them up) and the largest-component samples the observer
 * took. One instance per run, found from the run's context.
 */
import type { Graph } from '../overlay/graph.js';
import type { SimContext } from '../run/context.js';
import { Membership } from './membership.js';

export interface Dynamics {
  membership: Membership;
  /** Samples of the largest component taken by the observer: time (s) and fraction of live peers. */
  history: { time: number[]; fraction: number[] };
}

const runs = new WeakMap<SimContext, Dynamics>();

/** The dynamics state of the run `ctx` belongs to (created on first use). */
export function dynamicsOf(ctx: SimContext): Dynamics {
  let d = runs.get(ctx);
  if (!d) {
    d = { membership: new Membership(ctx), history: { time: [], fraction: [] } };
    runs.set(ctx, d);
  }
  return d;
}

/** The overlay, up to date (with peer sampling the graph may lag the views until asked). */
export function currentOverlay(ctx: SimContext): Graph {
  dynamicsOf(ctx).membership.sampling?.syncOverlay();
  return ctx.overlay;
}
