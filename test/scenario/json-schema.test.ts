import { describe, expect, it, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { toJsonSchema, type JsonSchema } from '../../sim/scenario/json-schema.js';
import { scenarioSchema } from '../../sim/scenario/schema.js';
import { validate } from '../../sim/scenario/validate.js';
import { referenceMarkdown } from '../../sim/scenario/docs.js';
import {
  schemaText, staleFiles, withReference, repositoryRoot, START_MARKER, END_MARKER, SCHEMA_FILE, REFERENCE_FILE,
} from '../../scripts/gen-docs.js';

const root = repositoryRoot();

/**
 * The subset of draft-07 the generated schema uses (type, enum, const, pattern, minimum,
 * maximum, exclusiveMinimum, minLength, minItems, properties, required,
 * additionalProperties: false, items, anyOf). Returns the paths that fail.
 */
function check(schema: JsonSchema, value: unknown, path = '$'): string[] {
  const errors: string[] = [];
  const types = schema.type === undefined ? undefined : ([] as string[]).concat(schema.type as string | string[]);
  if (types) {
    const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'object' ? 'object' : typeof value;
    const ok = types.some((t) => t === actual || (t === 'integer' && Number.isInteger(value)) || (t === 'number' && actual === 'number'));
    if (!ok) return [`${path}: type ${actual} not in ${types.join('|')}`];
  }
  if (schema.enum && !(schema.enum as unknown[]).includes(value)) errors.push(`${path}: not in enum`);
  if ('const' in schema && schema.const !== value) errors.push(`${path}: not ${String(schema.const)}`);
  if (typeof value === 'string') {
    if (schema.pattern && !new RegExp(schema.pattern as string).test(value)) errors.push(`${path}: pattern`);
    if (schema.minLength !== undefined && value.length < (schema.minLength as number)) errors.push(`${path}: minLength`);
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < (schema.minimum as number)) errors.push(`${path}: minimum`);
    if (schema.maximum !== undefined && value > (schema.maximum as number)) errors.push(`${path}: maximum`);
    if (schema.exclusiveMinimum !== undefined && value <= (schema.exclusiveMinimum as number)) errors.push(`${path}: exclusiveMinimum`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < (schema.minItems as number)) errors.push(`${path}: minItems`);
    if (schema.items) value.forEach((item, i) => errors.push(...check(schema.items as JsonSchema, item, `${path}[${i}]`)));
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    for (const key of (schema.required ?? []) as string[]) if (!(key in object)) errors.push(`${path}.${key}: required`);
    for (const [key, v] of Object.entries(object)) {
      if (properties[key]) errors.push(...check(properties[key], v, `${path}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${path}.${key}: additional property`);
    }
  }
  if (schema.anyOf) {
    const branches = (schema.anyOf as JsonSchema[]).map((branch) => check(branch, value, path));
    if (!branches.some((b) => b.length === 0)) errors.push(`${path}: no anyOf branch (${branches.map((b) => b[0]).join('; ')})`);
  }
  return errors;
}

const published = JSON.parse(readFileSync(join(root, SCHEMA_FILE), 'utf8')) as JsonSchema;

describe('the published files are up to date', () => {
  it('scenarios/scenario.schema.json equals the schema generated now (run `npm run schema`)', () => {
    expect(readFileSync(join(root, SCHEMA_FILE), 'utf8')).toBe(schemaText());
  });
  it('the scenario reference equals the one generated now (run `npm run schema`)', () => {
    expect(staleFiles(root), 'out of date: run npm run schema').toEqual([]);
  });
});

describe('gen-docs --check logic', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gossipsim-docs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('reports missing, stale and fresh files', () => {
    mkdirSync(join(dir, 'scenarios'));
    mkdirSync(join(dir, 'docs'));
    expect(staleFiles(dir)).toEqual([SCHEMA_FILE, REFERENCE_FILE]);
    writeFileSync(join(dir, SCHEMA_FILE), schemaText());
    writeFileSync(join(dir, REFERENCE_FILE), `# Title\n\n${START_MARKER}\nold text\n${END_MARKER}\n\nMore.\n`);
    expect(staleFiles(dir)).toEqual([REFERENCE_FILE]);
    writeFileSync(join(dir, REFERENCE_FILE), withReference(readFileSync(join(dir, REFERENCE_FILE), 'utf8'), referenceMarkdown()));
    expect(staleFiles(dir)).toEqual([]);
    writeFileSync(join(dir, SCHEMA_FILE), schemaText().replace('"gossipsim scenario"', '"old"'));
    expect(staleFiles(dir)).toEqual([SCHEMA_FILE]);
  });
  it('replaces only between the markers', () => {
    const readme = `# Title\n\nIntro.\n\n${START_MARKER}\nold\n${END_MARKER}\n\n## After\n`;
    expect(withReference(readme, 'NEW')).toBe(`# Title\n\nIntro.\n\n${START_MARKER}\nNEW\n${END_MARKER}\n\n## After\n`);
    expect(withReference(undefined, 'NEW')).toBe(`${START_MARKER}\nNEW\n${END_MARKER}\n`);
    expect(withReference('# Title\n', 'NEW')).toBe(`# Title\n\n${START_MARKER}\nNEW\n${END_MARKER}\n`);
  });
});

describe('the JSON Schema', () => {
  const schema = toJsonSchema(scenarioSchema);
  it('is draft-07 and closed: every object forbids unknown keys, every key is documented', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.required).toEqual(['name']);
    const walk = (s: JsonSchema, path: string) => {
      if (s.properties) {
        expect(s.additionalProperties, path).toBe(false);
        for (const [key, child] of Object.entries(s.properties as Record<string, JsonSchema>)) {
          expect(typeof child.description, `${path}.${key}`).toBe('string');
          walk(child, `${path}.${key}`);
        }
      }
      for (const branch of (s.anyOf ?? []) as JsonSchema[]) walk(branch, path);
      if (s.items) walk(s.items as JsonSchema, `${path}[]`);
    };
    walk(schema, '$');
  });

  const accepted: Array<[string, unknown]> = [
    ['minimal', { name: 'a' }],
    ['units and distributions', {
      name: 'a', duration: '10min', network: { latency: { dist: 'uniform', min: '10ms', max: '90ms' }, loss: 0.01 },
      churn: { session: { dist: 'weibull', shape: 0.6, scale: '40min' }, downtime: 1200, arrivals: '2/min' },
      capacity: { file: '100MB', chunk: '256KiB', server: { upload: '100Mbps' }, peer: { upload: '2Mbps', download: { dist: 'normal', mean: '10Mbps', sd: '1Mbps' } } },
      data: { popularity: { dist: 'zipf', exponent: 1 } },
    }],
    ['a single item for a list, null sections', {
      name: 'a', workload: { broadcasts: { at: '1s', origin: 3 }, searches: null }, failures: { at: 60, fraction: 0.5 }, hybrid: null,
    }],
  ];
  const rejected: Array<[string, unknown]> = [
    ['no name', { seed: 1 }],
    ['unknown key', { name: 'a', overlay: { degre: 4 } }],
    ['negative degree', { name: 'a', overlay: { degree: -3 } }],
    ['fractional integer', { name: 'a', peers: { count: 2.5 } }],
    ['bad unit', { name: 'a', duration: '5 minutes' }],
    ['bad enum', { name: 'a', workload: { broadcasts: [{ protocol: 'pushh' }] } }],
    ['zipf latency', { name: 'a', network: { latency: { dist: 'zipf', exponent: 1 } } }],
    ['missing parameter', { name: 'a', network: { latency: { dist: 'normal', mean: 1 } } }],
    ['unknown parameter', { name: 'a', network: { latency: { dist: 'exponential', mean: 1, sd: 2 } } }],
    ['negative constant latency', { name: 'a', network: { latency: -1 } }],
    ['loss above 1', { name: 'a', network: { loss: 2 } }],
    ['failure without fraction', { name: 'a', failures: [{ at: 1 }] }],
  ];
  it.each(accepted)('accepts %s, as the validator does', (_label, sample) => {
    expect(check(published, sample)).toEqual([]);
    expect(() => validate(sample)).not.toThrow();
  });
  it.each(rejected)('rejects %s, as the validator does', (_label, sample) => {
    expect(check(published, sample)).not.toEqual([]);
    expect(() => validate(sample)).toThrow();
  });
  it('accepts every bundled scenario', () => {
    const files: string[] = [];
    const collect = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) collect(join(dir, entry.name));
        else if (/\.ya?ml$/.test(entry.name)) files.push(join(dir, entry.name));
      }
    };
    if (existsSync(join(root, 'scenarios'))) collect(join(root, 'scenarios'));
    for (const file of files) expect(check(published, parse(readFileSync(file, 'utf8'), { merge: true })), file).toEqual([]);
  });
});
