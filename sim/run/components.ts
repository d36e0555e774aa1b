/**
 * The pluggable pieces a scenario names, in a fixed order (the order in which they start,
 * sample and contribute is part of what makes a run reproducible).
 */
import type { Scenario } from '../scenario/schema.js';
import type { Component } from './context.js';
import { PeerSamplingComponent, overlayReadDuringRun } from '../protocols/sampling/component.js';
import { ChurnComponent } from '../dynamics/churn.js';
import { TraceChurnComponent } from '../dynamics/trace/replay.js';
import { FailuresComponent } from '../dynamics/failures.js';
import { DynamicsObserver, observesDynamics } from '../dynamics/observer.js';
import { CapacityComponent } from '../protocols/capacity/component.js';
import { BroadcastComponent } from '../protocols/broadcast/component.js';
import { searchComponents } from '../protocols/search/component.js';

export function buildComponents(scenario: Scenario): Component[] {
  const list: Component[] = [];
  // Each family adds itself here, one line each, in this order:
  // peer sampling, churn, failures, data + searches, broadcasts, capacity.
  void scenario;
  if (scenario.overlay.sampling) list.push(new PeerSamplingComponent(scenario.overlay.sampling, overlayReadDuringRun(scenario)));
  if (scenario.churn) list.push(scenario.churn.trace ? new TraceChurnComponent(scenario.churn) : new ChurnComponent(scenario.churn));
  if (scenario.failures.length > 0) list.push(new FailuresComponent(scenario.failures, scenario.overlay.repair));
  if (observesDynamics(scenario)) list.push(new DynamicsObserver());
  list.push(...searchComponents(scenario));
  if (scenario.workload.broadcasts.length > 0) list.push(new BroadcastComponent(scenario.workload.broadcasts));
  if (scenario.capacity) list.push(new CapacityComponent());
  return list;
}
