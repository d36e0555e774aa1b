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
import { applyFiles, checkFiles, storedFiles, type FileSource } from './input-files.js';
import { MAX_ALIASES, MAX_DESCRIPTION_LENGTH, MAX_FILE_BYTES } from './limits.js';
import { checkStructure, checkTextShape } from './structure.js';
import { grouped } from '../text/group-digits.js';

/**
 * Parses, overrides (`key.path=value` strings, in order) and validates scenario text; `fileName`
 * is used in messages. The files its keys name (a churn trace: families/files.ts) are read
 * through `files`: by default only files already stored; Node's load.ts reads them from disk.
 */
export function loadScenarioText(text: string, fileName: string, sets: readonly string[] = [], files: FileSource = storedFiles): Scenario {
  const { raw, locate } = parseScenarioText(text, fileName);
  let applied;
  try {
    applied = applyOverrides(raw, sets);
  } catch (error) {
    throw error instanceof ScenarioError ? error.withFile(fileName) : error;
  }
  const locateWithSets: Locator = (path, part) =>
    fromOverride(applied, formatKeyPath(path)) ? { set: true } : locate(path, part);
  // The files its keys name, read and applied (a trace gives peers.count), then checked.
  const read = applyFiles(raw, fileName, (keyPath) => fromOverride(applied, keyPath), locateWithSets, files);
  const scenario = validate(raw, locateWithSets, { file: fileName });
  checkFiles(read, scenario, fileName, locateWithSets);
  return scenario;
}

/** A parsed scenario mapping, before validation, with the positions of its keys and values. */
export interface ParsedScenario {
  raw: Record<string, unknown>;
  locate: Locator;
}

/** Parses YAML text into a mapping; syntax errors, duplicate keys and a non-mapping top level throw. */
export function parseScenarioText(text: string, fileName: string): ParsedScenario {
  if (utf8Length(text) > MAX_FILE_BYTES) throw new ScenarioError(tooLarge('the scenario'), { file: fileName });
  // Before the parser: flow nesting thousands deep exhausts it (and V8's regexp compiler).
  checkTextShape(text, fileName);
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
  // Before toJS: refuses alias bombs, deep nesting and collections as keys, each of which
  // would make it run out of memory or time.
  checkStructure(doc, position, fileName);
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIASES * 100 });
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

/** A key as toJS writes it: a null key (`: x`, `~: x`) is the empty string. */
function keyText(key: unknown): string {
  if (isScalar(key)) return key.value === null ? '' : String(key.value);
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

/** Bytes of `text` in UTF-8, counted without Node's Buffer (browsers load scenarios too). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) { bytes += 4; i++; }
    else bytes += 3;
  }
  return bytes;
}

/** The message for a scenario (file or text) over the size limit. */
export function tooLarge(what: string): string {
  return `${what} is larger than ${MAX_FILE_BYTES / 1048576} MiB, the most a scenario may be; a description may have up to ${grouped(MAX_DESCRIPTION_LENGTH)} characters`;
}
