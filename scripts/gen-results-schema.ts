/**
 * Publishes the JSON Schemas of gossipsim's output files, generated from their TypeScript
 * types: the core of the results file (sim/run/results.ts) plus each registered family's
 * sections (families/registry.ts), the sweep results and the sweep's shard parts.
 *
 *   npm run schema                                    # write schemas/*.schema.json
 *   node dist/scripts/gen-results-schema.js --check   # exit 1 when one is out of date
 */
import { existsSync, readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createGenerator, type Config } from 'ts-json-schema-generator';
import { FAMILIES } from '../sim/families/families.js';
import { packageRoot } from '../sim/io/package-root.js';
import { RESULTS_SCHEMA_FILES } from '../sim/io/results-schema.js';
import { RESULTS_FORMAT } from '../sim/run/results.js';
import { SWEEP_FORMAT } from '../sim/run/sweep-results.js';

type Json = { [key: string]: unknown };

type Generator = ReturnType<typeof createGenerator>;

/** One generator over every source (building its program is the slow part: ~10 s). */
function generatorFor(root: string): Generator {
  const config: Config = {
    path: join(root, 'sim/**/*.ts'), tsconfig: join(root, 'tsconfig.json'), skipTypeCheck: true,
    expose: 'export', topRef: false, additionalProperties: false, sortProps: true,
  };
  return createGenerator(config);
}

/** The schema of one exported type, its definitions kept apart (an alias's target inlined). */
function typeSchema(generator: Generator, type: string): { schema: Json; definitions: Json } {
  const { definitions = {}, $schema: _, ...schema } = generator.createSchema(type) as Json & { definitions?: Json };
  const defs = definitions as Json;
  const ref = typeof schema.$ref === 'string' ? decodeURIComponent(schema.$ref.replace('#/definitions/', '')) : null;
  if (ref && defs[ref]) {
    const { description } = schema;
    const target = defs[ref] as Json;
    delete defs[ref];
    return { schema: { ...target, ...(description ? { description } : {}) }, definitions: defs };
  }
  return { schema, definitions: defs };
}

/** A section type such as `BroadcastResult[]`: an array of the named type, or the type itself. */
function sectionSchema(generator: Generator, type: string, definitions: Json): Json {
  const array = type.endsWith('[]');
  const name = array ? type.slice(0, -2) : type;
  const one = typeSchema(generator, name);
  Object.assign(definitions, one.definitions);
  definitions[name] = one.schema;
  const ref = { $ref: `#/definitions/${name}` };
  return array ? { type: 'array', items: ref } : ref;
}

/** Files written before 0.2.0 have no provenance: they are still read (merge then names their version). */
function provenanceOptional(schema: Json): Json {
  return { ...schema, required: (schema.required as string[]).filter((k) => k !== 'provenance') };
}

export function resultsSchemas(root = packageRoot()): Record<keyof typeof RESULTS_SCHEMA_FILES, Json> {
  // The results file: the core's properties, then each family's sections (all optional).
  const generator = generatorFor(root);
  const core = typeSchema(generator, 'CoreResultsFile');
  const definitions: Json = { ...core.definitions };
  const properties = { ...(core.schema.properties as Json) };
  for (const family of FAMILIES) {
    for (const [key, type] of Object.entries(family.results.sections)) {
      if (key in properties) throw new Error(`results schema: section '${key}' of family '${family.name}' is already taken`);
      properties[key] = sectionSchema(generator, type, definitions);
    }
  }
  const results: Json = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://gossipsim.dev/schemas/results.schema.json',
    title: `gossipsim results file (${RESULTS_FORMAT})`,
    description: 'Written by `gossipsim run --json`; read by `gossipsim report`. Generated from sim/run/results.ts and each family\'s results-section types.',
    ...provenanceOptional(core.schema),
    properties,
    // Scripts may add their own top-level keys; the known sections are typed.
    additionalProperties: true,
    definitions,
  };
  const sweep = typeSchema(generator, 'SweepResultsFile');
  const sweepSchema: Json = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://gossipsim.dev/schemas/sweep-results.schema.json',
    title: `gossipsim sweep results (${SWEEP_FORMAT})`,
    description: 'Written by `gossipsim sweep --json` and `gossipsim merge`; read by `gossipsim report`.',
    ...provenanceOptional(sweep.schema),
    definitions: sweep.definitions,
  };
  const part: Json = {
    ...sweepSchema,
    $id: 'https://gossipsim.dev/schemas/sweep-part.schema.json',
    title: `gossipsim sweep shard part (${SWEEP_FORMAT} with shard)`,
    description: 'Written by `gossipsim sweep --shard K/N --json`; read by `gossipsim merge`.',
    required: [...(provenanceOptional(sweep.schema).required as string[]), 'shard'],
  };
  return { results, sweep: sweepSchema, part };
}

function main(): void {
  const root = packageRoot();
  const check = process.argv.includes('--check');
  const schemas = resultsSchemas(root);
  let stale = false;
  mkdirSync(join(root, 'schemas'), { recursive: true });
  for (const [kind, file] of Object.entries(RESULTS_SCHEMA_FILES)) {
    const text = `${JSON.stringify(schemas[kind as keyof typeof schemas], null, 2)}\n`;
    const path = join(root, file);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : '';
    if (current === text) continue;
    stale = true;
    if (check) { console.error(`${file} is out of date: run npm run schema`); continue; }
    writeFileSync(`${path}.tmp`, text);
    renameSync(`${path}.tmp`, path);
    console.log(`wrote ${file}`);
  }
  if (check && stale) process.exit(1);
}

if (process.argv[1] && /gen-results-schema\.(js|ts)$/.test(process.argv[1])) main();
