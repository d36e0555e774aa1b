/**
 * Scenario text (YAML or JSON) → --set overrides → validated `Scenario`. Every failure is a
 * ScenarioError naming the file, the key path and line:column. No node: modules (browsers
 * load scenarios from text); load.ts reads files.
 */
import {
  LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode,
} from 'yaml';
import type { Scenario } from './schema.js';
import { ScenarioError, formatKeyPath, type KeyPath, type Origin } from './errors.js';
import { validate, isMapping, type Locator } from './validate.js';
import { applyOverrides, fromOverride } from './overrides.js';

/** Parses, overrides (`key.path=value` strings, in order) and validates scenario text; `fileName` is used in messages. */
export function loadScenarioText(text: string, fileName: string, sets: readonly string[] = []): Scenario {
  const { raw, locate } = parseScenarioText(text, fileName);
  let applied;
  try {
    applied = applyOverrides(raw, sets);
  } catch (error) {
    throw error instanceof ScenarioError ? error.withFile(fileName) : error;
  }
  const locateWithSets: Locator = (path, part) =>
    fromOverride(applied, formatKeyPath(path)) ? { set: true } : locate(path, part);
  return validate(raw, locateWithSets, { file: fileName });
}

/** A parsed scenario mapping, before validation, with the positions of its keys and values. */
export interface ParsedScenario {
  raw: Record<string, unknown>;
  locate: Locator;
}

/** Parses YAML text into a mapping; syntax errors, duplicate keys and a non-mapping top level throw. */
export function parseScenarioText(text: string, fileName: string): ParsedScenario {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: true });
  const position = (offset: number): { line: number; column: number } => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    let detail = `YAML syntax error: ${lowerFirst(error.message)}`;
    if (error.code === 'DUPLICATE_KEY') {
      const path = keyPathAt(doc.contents, error.pos[0], []);
      const key = path ? path[path.length - 1] : undefined;
      detail = `duplicate key${key !== undefined ? ` '${key}'` : ''}: a key may appear only once in a mapping`
        + (path && path.length > 1 ? ` (here ${formatKeyPath(path)})` : '');
    }
    throw new ScenarioError(detail, { file: fileName, ...position(error.pos[0]) });
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    throw new ScenarioError(`YAML error: ${lowerFirst(error instanceof Error ? error.message : String(error))}`, { file: fileName });
  }
  if (raw === null || raw === undefined) {
    throw new ScenarioError('the file is empty: a scenario is a mapping of keys and needs at least a name, e.g. name: My experiment', { file: fileName });
  }
  if (!isMapping(raw)) {
    const start = doc.contents?.range?.[0] ?? 0;
    throw new ScenarioError(`a scenario must be a mapping of keys (name:, peers:, overlay:, ...), got ${Array.isArray(raw) ? 'a list' : `the value ${JSON.stringify(raw)}`}`,
      { file: fileName, ...position(start) });
  }
  return { raw, locate: documentLocator(doc, position) };
}

/**
 * Maps key paths to positions in the document: the value node for a bad value, the key
 * for an unknown key. An index 0 into a mapping is the single item written without its
 * list. Paths that are not in the file (defaults, merged keys) have no position.
 */
function documentLocator(doc: Document, position: (offset: number) => { line: number; column: number }): Locator {
  return (path: KeyPath, part: 'key' | 'value'): Origin | undefined => {
    let node: unknown = doc.contents;
    let keyNode: YamlNode | undefined;
    for (const segment of path) {
      if (isAlias(node)) node = node.resolve(doc);
      if (isMap(node)) {
        if (typeof segment === 'number') {
          if (segment === 0) continue;
          return undefined;
        }
        const pair = node.items.find((p) => keyText(p.key) === segment);
        if (!pair) return undefined;
        keyNode = isScalar(pair.key) || isMap(pair.key) || isSeq(pair.key) ? pair.key as YamlNode : undefined;
        node = pair.value;
      } else if (isSeq(node)) {
        if (typeof segment !== 'number' || segment >= node.items.length) return undefined;
        node = node.items[segment];
        keyNode = undefined;
      } else {
        return undefined;
      }
    }
    const valueNode = node as YamlNode | null;
    const emptyValue = !valueNode || (isScalar(valueNode) && valueNode.value === null && valueNode.range?.[0] === valueNode.range?.[1]);
    const target = part === 'key' || emptyValue ? keyNode ?? valueNode : valueNode;
    const start = target?.range?.[0];
    return start === undefined ? undefined : position(start);
  };
}

function keyText(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  return String(key);
}

/** The key path of the mapping key that starts at `offset` (for duplicate-key errors). */
function keyPathAt(node: unknown, offset: number, path: Array<string | number>): Array<string | number> | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = keyText(pair.key);
      if (isScalar(pair.key) && pair.key.range?.[0] === offset) return [...path, key];
      const found = keyPathAt(pair.value, offset, [...path, key]);
      if (found) return found;
    }
  } else if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const found = keyPathAt(node.items[i], offset, [...path, i]);
      if (found) return found;
    }
  }
  return undefined;
}

function lowerFirst(text: string): string {
  return text.length > 1 && /^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}
