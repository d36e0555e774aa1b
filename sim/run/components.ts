/**
 * The pluggable pieces a scenario names, in the registry's order (the order in which they
 * start, sample and contribute is part of what makes a run reproducible).
 */
import { FAMILIES } from '../families/families.js';
import type { Scenario } from '../scenario/schema.js';
import type { Component } from './context.js';

export function buildComponents(scenario: Scenario): Component[] {
  const overlayReadDuringRun = FAMILIES.some((family) => family.readsOverlayDuringRun?.(scenario) ?? false);
  return FAMILIES.flatMap((family) => family.components(scenario, { overlayReadDuringRun }));
}
