/**
 * What the dynamics components of one run share: the membership (the only code that
 * takes peers down and brings them up) and the largest-component samples the observer
 * took. A service of the run's context, created on first request.
 */
import type { Graph } from '../overlay/graph.js';
import type { LiveSnapshot } from './knowledge.js';
import type { SimContext } from '../run/context.js';
import { serviceKey } from '../run/services.js';
import { Membership } from './membership.js';

export interface Dynamics {
  membership: Membership;
  /** Samples of the largest component taken by the observer: time (s) and fraction of live peers. */
  history: { time: number[]; fraction: number[] };
}

/** Needs the context, so it is created by dynamicsOf rather than by the key's default. */
export const DYNAMICS = serviceKey<Dynamics>('dynamics');

/** The dynamics state of the run `ctx` belongs to (created on first use). */
export function dynamicsOf(ctx: SimContext): Dynamics {
  return ctx.services.get(DYNAMICS)
    ?? ctx.services.provide(DYNAMICS, { membership: new Membership(ctx), history: { time: [], fraction: [] } });
}

/** The overlay, up to date (with peer sampling the graph may lag the views until asked). */
export function currentOverlay(ctx: SimContext): Graph {
  dynamicsOf(ctx).membership.sampling?.syncOverlay();
  return ctx.overlay;
}

/**
 * Under drawn churn (peers go down and up at their own events), the live snapshot a peer's
 * own event draws uniform targets from (global knowledge), looked up on first use, once
 * every component has started (churn creates the membership); null without drawn churn.
 */
export function knownLive(ctx: SimContext): (() => LiveSnapshot) | null {
  const churn = ctx.scenario.churn;
  if (churn === null || churn.trace) return null;
  let snapshot: LiveSnapshot | null = null;
  return () => (snapshot ??= dynamicsOf(ctx).membership.snapshot);
}
