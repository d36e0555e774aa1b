/**
 * Checks a results file against its published JSON Schema (schemas/, generated from the
 * types by scripts/gen-results-schema.ts) before anything reads it, so that a hand-edited
 * or truncated file is refused with the JSON path of the problem instead of failing inside.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { packageRoot } from './package-root.js';

/** The published schemas, by kind of file. */
export const RESULTS_SCHEMA_FILES = {
  results: 'schemas/results.schema.json',
  sweep: 'schemas/sweep-results.schema.json',
  part: 'schemas/sweep-part.schema.json',
} as const;

export type ResultsFileKind = keyof typeof RESULTS_SCHEMA_FILES;

const compiled = new Map<ResultsFileKind, ValidateFunction>();

function validator(kind: ResultsFileKind): ValidateFunction {
  let v = compiled.get(kind);
  if (!v) {
    const schema = JSON.parse(readFileSync(join(packageRoot(), RESULTS_SCHEMA_FILES[kind]), 'utf8'));
    // allErrors off: the first problem, reported precisely, is what a user can act on.
    v = new Ajv({ strict: false, allErrors: false }).compile(schema);
    compiled.set(kind, v);
  }
  return v;
}

/** `/broadcasts/0/coverage` as `$.broadcasts[0].coverage`. */
export function jsonPath(pointer: string): string {
  let out = '$';
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    out += /^\d+$/.test(key) ? `[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
  }
  return out;
}

function describe(e: ErrorObject): string {
  const at = jsonPath(e.instancePath);
  switch (e.keyword) {
    case 'required': return `${jsonPath(`${e.instancePath}/${(e.params as { missingProperty: string }).missingProperty}`)}: missing`;
    case 'additionalProperties': return `${at}: unexpected key '${(e.params as { additionalProperty: string }).additionalProperty}'`;
    case 'const': return `${at}: must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`;
    case 'enum': return `${at}: must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    default: return `${at}: ${e.message ?? 'invalid'}`;
  }
}

/** The first problem of `data` as a file of `kind`, as "JSON path: what is wrong", or null when it conforms. */
export function resultsProblem(data: unknown, kind: ResultsFileKind): string | null {
  const validate = validator(kind);
  if (validate(data)) return null;
  const errors = validate.errors ?? [];
  // anyOf / oneOf failures list their branches first; the innermost error says the most.
  const deepest = [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length)[0];
  return deepest ? describe(deepest) : '$: invalid';
}
