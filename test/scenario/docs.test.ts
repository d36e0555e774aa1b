import { describe, expect, it } from 'vitest';
import { referenceMarkdown, distText } from '../../sim/scenario/docs.js';
import { scenarioSchema } from '../../sim/scenario/schema.js';
import type { Fields, Node } from '../../sim/scenario/dsl.js';
import { schemaKeyPaths } from '../../sim/scenario/validate.js';

/** Every key path of the schema as the reference writes it (`workload.broadcasts[].fanout`). */
const keyPaths = (node: Node): string[] => schemaKeyPaths(node).map(([, path]) => path);

describe('the scenario reference', () => {
  const markdown = referenceMarkdown();
  const rows = markdown.split('\n').filter((line) => line.startsWith('| `'));

  it('has one row per key of the schema', () => {
    const inTable = rows.map((row) => /^\| `([^`]+)`/.exec(row)![1]);
    const expected = keyPaths(scenarioSchema).filter((p) => !isSectionHeading(p));
    for (const path of expected) expect(inTable, path).toContain(path);
  });
  it('shows defaults in the units people write', () => {
    const row = (key: string) => rows.find((r) => r.startsWith(`| \`${key}\` |`)) ?? '';
    expect(row('duration')).toContain('| `10min` |');
    expect(row('network.latency')).toContain('| `50ms` |');
    expect(row('churn.session')).toContain('| `{ dist: exponential, mean: 1h }` |');
    expect(row('capacity.chunk')).toContain('| `256KiB` |');
    expect(row('capacity.server.upload')).toContain('| `100Mbps` |');
    expect(row('name')).toContain('**required**');
    expect(row('overlay.sampling')).toContain('| off |');
    expect(row('workload.broadcasts[].protocol')).toContain('`push` \\| `pull` \\| `push-pull` \\| `flood`');
  });
  it('documents units and every distribution', () => {
    for (const name of ['constant', 'uniform', 'exponential', 'normal', 'lognormal', 'pareto', 'weibull', 'zipf']) {
      expect(markdown).toContain(`| \`${name}\` |`);
    }
    expect(markdown).toContain('`10Mbps`');
    expect(markdown).toContain('### `overlay`');
  });
  it('writes a distribution back in the field unit', () => {
    expect(distText({ dist: 'weibull', scale: 2400, shape: 0.6 }, { unit: 'duration' })).toBe('{ dist: weibull, scale: 40min, shape: 0.6 }');
    expect(distText({ dist: 'constant', value: 1.25e6 }, { unit: 'bandwidth' })).toBe('10Mbps');
  });
});

/** Top-level sections are headings, not rows. */
function isSectionHeading(path: string): boolean {
  const node = (scenarioSchema.fields as Fields)[path];
  if (!node) return false;
  const inner = node.kind === 'optional' ? (node.inner as Node) : node;
  return inner.kind === 'object' || (inner.kind === 'list' && (inner.item as Node).kind === 'object');
}
