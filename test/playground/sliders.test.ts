/**
 * The playground's sliders: which keys of a lesson get one, and the text edit a slider
 * makes (only the value's characters change; comments and layout stay).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSliders, positionOf, setScalarText, valueAt, valueText } from '../../playground/sliders';
import { loadScenarioText } from '../../sim/scenario/load-text';

const lesson = (name: string) => readFileSync(resolve(__dirname, '..', '..', 'scenarios', 'lessons', `${name}.yaml`), 'utf8');

describe('playground sliders', () => {
  it('finds the key parameters a lesson writes, list items numbered', () => {
    const ids = findSliders(lesson('rumour-spreading')).map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['peers.count', 'overlay.degree', 'network.latency.min', 'network.latency.max',
      'network.loss', 'workload.broadcasts[0].fanout', 'workload.broadcasts[3].fanout', 'seed']));
    // The flood (broadcast #5) writes no fanout, so it gets no slider.
    expect(ids).not.toContain('workload.broadcasts[4].fanout');
    const resilience = findSliders(lesson('resilience'));
    expect(resilience.map((s) => s.id)).toEqual(expect.arrayContaining(['failures[0].fraction', 'failures[0].target']));
    expect(resilience.find((s) => s.id === 'failures[0].target')?.value).toMatch(/^(random|degree)$/);
  });

  it('reads durations in seconds and keeps the unit the text uses', () => {
    const min = findSliders(lesson('rumour-spreading')).find((s) => s.id === 'network.latency.min')!;
    expect(min.value).toBeCloseTo(0.05, 12);
    expect(min.unit).toBe('ms');
    expect(valueText(min, 0.12)).toBe('120ms');
    expect(valueText({ def: min.def, unit: '' }, 0.12)).toBe('0.12');
    // Every duration suffix the scenario accepts (units.ts), days included.
    expect(valueText({ def: min.def, unit: 'd' }, 172800)).toBe('2d');
    expect(valueText({ def: min.def, unit: 'min' }, 90)).toBe('1.5min');
  });

  it('a slider edit changes the value characters only, and the result still validates', () => {
    const text = lesson('rumour-spreading');
    const fanout = findSliders(text).find((s) => s.id === 'workload.broadcasts[3].fanout')!;
    const edited = setScalarText(text, fanout.path, valueText(fanout, 4));
    // The flow mapping `{ at: 121s, ..., fanout: 2 }` keeps its layout: one character differs.
    const diff = [...text].flatMap((ch, i) => (edited[i] !== ch ? [i] : []));
    expect(edited.length).toBe(text.length);
    expect(diff.length).toBe(1);
    expect(edited).toContain('forward: once, targets: uniform, fanout: 4 }');
    expect(loadScenarioText(edited, 'x.yaml').workload.broadcasts[3].fanout).toBe(4);
    // The text moves the slider: the edited text reads back the new value.
    expect(findSliders(edited).find((s) => s.id === fanout.id)!.value).toBe(4);
  });

  it('keeps comments when a block value changes', () => {
    const text = 'name: x   # the title\npeers:\n  count: 500   # five hundred\n';
    const count = findSliders(text).find((s) => s.id === 'peers.count')!;
    expect(setScalarText(text, count.path, '1200')).toBe('name: x   # the title\npeers:\n  count: 1200   # five hundred\n');
  });

  it('positions and values agree at both ends and in between', () => {
    const defs = findSliders(lesson('rumour-spreading')).map((s) => s.def);
    for (const def of defs) {
      expect(positionOf(def, valueAt(def, 0))).toBe(0);
      expect(positionOf(def, valueAt(def, 1000))).toBe(1000);
      // Rounding to two significant digits moves a position by at most a few per cent.
      expect(Math.abs(positionOf(def, valueAt(def, 500)) - 500)).toBeLessThanOrEqual(60);
    }
  });
});
