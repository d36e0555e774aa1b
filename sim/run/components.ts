/**
 * The pluggable pieces a scenario names, in the registry's order (the order in which they
 * start, sample and contribute is part of what makes a run reproducible).
 */
import type { Family } from '../families/family.js';
import { FAMILIES } from '../families/families.js';
import type { Scenario } from '../scenario/schema.js';
import type { Component } from './context.js';

export function buildComponents(scenario: Scenario): Component[] {
  return familyComponents(scenario).flatMap((f) => f.components);
}

/** The families the scenario uses (those with components), each with its components, in registry order. */
export function familyComponents(scenario: Scenario): Array<{ family: Family<object>; components: Component[] }> {
  const overlayReadDuringRun = FAMILIES.some((family) => family.readsOverlayDuringRun?.(scenario) ?? false);
  return FAMILIES.map((family) => ({ family, components: family.components(scenario, { overlayReadDuringRun }) }))
    .filter((f) => f.components.length > 0);
}
