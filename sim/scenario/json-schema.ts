/**
 * The scenario schema as a draft-07 JSON Schema (scenarios/scenario.schema.json), so that
 * editors validate and autocomplete scenario files as they are typed.
 */
import type { DistNode, Fields, Node, NumberNode } from './dsl.js';
import { distSpecs } from './dist-params.js';
import { unitPattern, unitTables } from './units.js';
import { constantRange, paramNode } from './validate.js';

export type JsonSchema = { [key: string]: unknown };

/** JSON Schema for `node`; with `root`, adds `$schema` and a title. */
export function toJsonSchema(node: Node, root = true): JsonSchema {
  const schema = convert(node);
  if (!root) return schema;
  // The document itself must be a mapping (a null section elsewhere means "all defaults").
  return { $schema: 'http://json-schema.org/draft-07/schema#', title: 'gossipsim scenario', ...schema, type: 'object' };
}

/** description, default and examples common to every node. */
function annotations(node: Node): JsonSchema {
  const out: JsonSchema = { description: node.doc };
  if (node.default !== undefined && node.kind !== 'object') out.default = node.default;
  if (node.example !== undefined) out.examples = [node.example];
  return out;
}

function numberRange(node: Pick<NumberNode, 'integer' | 'min' | 'max' | 'exclusiveMin'>): JsonSchema {
  const out: JsonSchema = { type: node.integer ? 'integer' : 'number' };
  if (node.min !== undefined) out.minimum = node.min;
  if (node.max !== undefined) out.maximum = node.max;
  if (node.exclusiveMin !== undefined) out.exclusiveMinimum = node.exclusiveMin;
  return out;
}

/** A number, or (with a unit) also a string such as "250ms"; the range binds bare numbers only. */
function quantity(node: Pick<NumberNode, 'unit' | 'integer' | 'min' | 'max' | 'exclusiveMin'>): JsonSchema {
  if (node.unit === 'none') return numberRange(node);
  const table = unitTables[node.unit];
  return {
    anyOf: [
      numberRange(node),
      { type: 'string', pattern: unitPattern(node.unit), description: `${table.noun}, e.g. ${table.examples}` },
    ],
  };
}

function convert(node: Node): JsonSchema {
  switch (node.kind) {
    case 'number':
      return { ...annotations(node), ...quantity(node) };
    case 'string':
      return {
        ...annotations(node), type: 'string',
        ...(node.minLength !== undefined ? { minLength: node.minLength } : {}),
        ...(node.maxLength !== undefined ? { maxLength: node.maxLength } : {}),
      };
    case 'boolean':
      return { ...annotations(node), type: 'boolean' };
    case 'enum':
      return { ...annotations(node), type: 'string', enum: [...node.values] };
    case 'choice':
      return { ...annotations(node), anyOf: [{ type: 'string', enum: [...node.literals] }, quantity(node.number)] };
    case 'distribution':
      return { ...annotations(node), anyOf: distributionVariants(node) };
    case 'optional': {
      // Absent or null: the section is off. An object section already admits null.
      const inner = convert(node.inner as Node);
      const { description: _d, default: _v, examples: _e, ...rest } = inner;
      const body = Array.isArray(rest.type) && rest.type.includes('null') ? rest : { anyOf: [rest, { type: 'null' }] };
      return { description: node.doc, ...(node.example !== undefined ? { examples: [node.example] } : {}), ...body };
    }
    case 'list': {
      const item = convert(node.item as Node);
      const list: JsonSchema = { type: 'array', items: item };
      if (node.minItems !== undefined) list.minItems = node.minItems;
      if (node.maxItems !== undefined) list.maxItems = node.maxItems;
      return { ...annotations(node), anyOf: [list, ...(node.single ? [item] : []), { type: 'null' }] };
    }
    case 'object': {
      const fields = node.fields as Fields;
      const properties: Record<string, JsonSchema> = {};
      for (const [key, child] of Object.entries(fields)) properties[key] = convert(child);
      const required = Object.entries(fields)
        .filter(([, child]) => child.default === undefined && child.kind !== 'object' && child.kind !== 'optional')
        .map(([key]) => key);
      return {
        ...annotations(node),
        type: ['object', 'null'], // null: every key takes its default
        properties,
        ...(required.length ? { required } : {}),
        additionalProperties: false,
      };
    }
  }
}

/** A constant (number or unit string) or one object per allowed distribution. */
function distributionVariants(node: DistNode): JsonSchema[] {
  const variants: JsonSchema[] = [];
  if (node.allowed.includes('constant')) variants.push({ description: 'A constant.', ...quantity(constantRange(node)) });
  for (const name of node.allowed) {
    const spec = distSpecs[name];
    const properties: Record<string, JsonSchema> = { dist: { const: name, description: spec.doc } };
    for (const param of spec.params) {
      properties[param.name] = {
        description: param.doc,
        ...quantity(paramNode(node, param)),
      };
    }
    variants.push({
      type: 'object',
      description: `${name}: ${spec.doc}`,
      properties,
      required: ['dist', ...spec.params.map((p) => p.name)],
      additionalProperties: false,
    });
  }
  return variants;
}
