/**
 * The published JSON Schemas of the output files (schemas/, generated from the types) hold
 * for what gossipsim writes, and `report` / `merge` refuse anything else with exit 2 and
 * the JSON path (or line:column) of the problem, never an internal error.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resultsSchemas } from '../../scripts/gen-results-schema';
import { jsonPath, resultsProblem, RESULTS_SCHEMA_FILES } from '../../sim/io/results-schema';
import { runSimulation } from '../../sim/run/run';
import { SWEEP_FORMAT } from '../../sim/run/sweep-results';
import { stringifyResults } from '../../sim/run/serialize';
import { loadScenarioFile } from '../../sim/scenario/load';
import { gossipsim, ROOT, STACK_LINE, tempDir } from '../helpers/cli';

const GOLDEN = join(ROOT, 'test', 'golden', 'results');
/** The goldens have the wall-clock and machine figures removed; a results file has them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const withWallClock = (r: any): any => ({
  ...r, engine: { ...r.engine, wallSeconds: 0.5, eventsPerSecond: 1000, workers: 1, peakRssBytes: 1e8 },
  provenance: { ...r.provenance, engine: { name: 'node', version: '20.0.0', v8: '11.3' }, platform: 'linux-x64' },
});

describe('results JSON Schema', () => {
  it('is what the types give (npm run schema regenerates it)', () => {
    const schemas = resultsSchemas(ROOT);
    for (const [kind, file] of Object.entries(RESULTS_SCHEMA_FILES)) {
      expect(readFileSync(join(ROOT, file), 'utf8'), `${file} is stale: run npm run schema`)
        .toBe(`${JSON.stringify(schemas[kind as keyof typeof schemas], null, 2)}\n`);
    }
  }, 60_000);

  it('holds for every golden results file, which together touch every section', () => {
    const files = readdirSync(GOLDEN).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(15);
    const sections = new Set<string>();
    for (const f of files) {
      const data = withWallClock(JSON.parse(readFileSync(join(GOLDEN, f), 'utf8')));
      expect(resultsProblem(data, 'results'), f).toBeNull();
      for (const k of Object.keys(data)) sections.add(k);
    }
    const schema = JSON.parse(readFileSync(join(ROOT, RESULTS_SCHEMA_FILES.results), 'utf8')) as { properties: object };
    expect([...sections].sort()).toEqual(Object.keys(schema.properties).sort());
  });

  it('holds for a fresh run, wall-clock figures and all', async () => {
    const r = await runSimulation(loadScenarioFile(join(ROOT, 'test', 'golden', 'scenarios', 'search-and-data.yaml')));
    expect(resultsProblem(JSON.parse(stringifyResults(r)), 'results')).toBeNull();
  });

  it('names the JSON path of a problem', () => {
    const data = withWallClock(JSON.parse(readFileSync(join(GOLDEN, 'scenarios--push-vs-pull.json'), 'utf8')));
    const bad = structuredClone(data) as { broadcasts: Array<Record<string, unknown>>; engine: Record<string, unknown> };
    bad.broadcasts[1].coverage = 'most';
    expect(resultsProblem(bad, 'results')).toBe('$.broadcasts[1].coverage: must be number');
    const missing = structuredClone(data) as { engine: Record<string, unknown> };
    delete missing.engine.events;
    expect(resultsProblem(missing, 'results')).toBe('$.engine.events: missing');
    expect(jsonPath('/series/informed[0]/3')).toBe('$.series["informed[0]"][3]');
  });
});

describe('report and merge read only well-formed files', () => {
  const dir = tempDir();
  const good = withWallClock(JSON.parse(readFileSync(join(GOLDEN, 'scenarios--push-vs-pull.json'), 'utf8')));
  const write = (name: string, text: string) => { const p = join(dir, name); writeFileSync(p, text); return p; };
  const cases: Array<[string, string, RegExp]> = [
    ['truncated', JSON.stringify(good, null, 2).slice(0, 500), /truncated\.json:\d+:\d+: not a valid JSON results file \(is the file truncated\?\)/],
    ['hand-edited', JSON.stringify({ ...good, overlay: { ...good.overlay, meanDegree: '4' } }), /hand-edited\.json: \$\.overlay\.meanDegree: must be number/],
    ['wrong-version', JSON.stringify({ ...good, format: 'gossipsim-results/2' }), /wrong-version\.json: \$\.format: 'gossipsim-results\/2' is a version this gossipsim does not read/],
    ['not-an-object', '[1, 2]', /not-an-object\.json: \$: expected a JSON object/],
    ['no-series', JSON.stringify({ ...good, series: undefined }), /no-series\.json: \$\.series: missing/],
  ];
  for (const [name, text, message] of cases) {
    it(`report: ${name} -> exit 2 with where`, () => {
      const file = write(`${name}.json`, text);
      const r = gossipsim(['report', file, '--out', join(dir, `${name}.html`)]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(STACK_LINE);
    });
  }

  it('merge: a run results file is the wrong kind -> exit 2', () => {
    const file = write('run.json', JSON.stringify(good));
    const r = gossipsim(['merge', file, '--json', join(dir, 'merged.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/run\.json: not a sweep part/);
  });

  it('merge: a hand-edited shard part -> exit 2 with the JSON path', () => {
    const part = {
      format: SWEEP_FORMAT, provenance: { ...good.provenance }, scenario: { name: 'x' }, vary: [{ path: 'seed', values: [1] }], replicates: 1, domains: {}, highlight: [],
      points: [{ values: { seed: 1 }, seeds: [1], metrics: {}, runs: [{ replicate: 0, seed: 1, metrics: { a: 'one' } }] }],
      shard: { index: 1, count: 2 }, engine: { runs: 1, wallSeconds: 0.1 },
    };
    const file = write('part.json', JSON.stringify(part));
    const r = gossipsim(['merge', file, '--json', join(dir, 'merged.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/part\.json: \$\.points\[0\]\.runs\[0\]\.metrics\.a: must be number/);
  });

  it('report: a good file still renders', () => {
    const r = gossipsim(['report', write('good.json', JSON.stringify(good)), '--out', join(dir, 'good.html'), '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
