/**
 * Guards run on YAML before it becomes data: nesting depth, alias expansion (a "billion
 * laughs" file) and collections used as keys, each refused with its line:column.
 */
import { isAlias, isCollection, isMap, isPair, type Document, type Node as YamlNode } from 'yaml';
import { ScenarioError } from './errors.js';
import { MAX_ALIASES } from './limits.js';
import { grouped } from '../text/group-digits.js';

/** Deepest nesting accepted: a scenario nests at most 6 levels (a distribution in a list item). */
export const MAX_DEPTH = 64;
/** Most nodes the document may hold once every alias is expanded. */
export const MAX_EXPANDED_NODES = 100_000;

type Position = (offset: number) => { line: number; column: number };

/**
 * Refuses text whose flow collections ([ and {) nest deeper than MAX_DEPTH, counting
 * brackets anywhere (in quotes too: a false alarm needs 64 unclosed brackets in a row).
 */
export function checkTextShape(text: string, file: string): void {
  let depth = 0, line = 1, column = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    column++;
    if (c === 10) { line++; column = 0; } else if (c === 91 || c === 123) {
      if (++depth > MAX_DEPTH) throw deep(file, { line, column });
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
}

function deep(file: string, at: { line: number; column: number }): ScenarioError {
  return new ScenarioError(`the YAML nests deeper than ${MAX_DEPTH} levels; a scenario needs no more than 6`, { file, ...at });
}

/**
 * Walks the parsed document (iteratively: depth is what is being checked) and refuses
 * nesting deeper than MAX_DEPTH, a mapping or list used as a key, more than MAX_ALIASES
 * aliases, and aliases that expand to more than MAX_EXPANDED_NODES nodes.
 */
export function checkStructure(doc: Document, position: Position, file: string): void {
  const at = (node: { range?: [number, number, number] | null } | null | undefined) =>
    position(node?.range?.[0] ?? 0);
  const aliases: YamlNode[] = [];
  const stack: Array<{ node: unknown; depth: number }> = [{ node: doc.contents, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (isAlias(node)) {
      aliases.push(node);
      if (aliases.length > MAX_ALIASES) {
        throw new ScenarioError(`more than ${MAX_ALIASES} YAML aliases (*${node.source}); a scenario needs few, and many can expand a small file into a huge one`, { file, ...at(node) });
      }
      continue;
    }
    if (!isCollection(node)) continue;
    if (depth > MAX_DEPTH) throw deep(file, at(node));
    for (const item of node.items as unknown[]) {
      if (isPair(item)) {
        if (isCollection(item.key) || isAlias(item.key)) {
          const what = isAlias(item.key) ? 'an alias' : isMap(item.key) ? 'a mapping' : 'a list';
          throw new ScenarioError(`a key must be plain text, got ${what} (a complex key '? ...' or an alias used as a key)`, { file, ...at(item.key as YamlNode) });
        }
        stack.push({ node: item.value, depth: depth + 1 });
      } else {
        stack.push({ node: item, depth: depth + 1 });
      }
    }
  }
  if (aliases.length === 0) return;
  // Expanded sizes, memoised per anchored node; at most MAX_ALIASES levels of aliases deep.
  const bomb = (node: unknown, alias: string) => new ScenarioError(
    `the YAML expands to more than ${grouped(MAX_EXPANDED_NODES)} values through its aliases (here ${alias}): refused as an alias bomb (nested anchors that grow exponentially)`,
    { file, ...at(node as YamlNode) });
  const sizes = new Map<unknown, number>();
  const size = (node: unknown): number => {
    if (isAlias(node)) {
      const target = node.resolve(doc);
      return target === undefined ? 1 : size(target);
    }
    if (!isCollection(node)) return 1;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    sizes.set(node, MAX_EXPANDED_NODES + 1); // an alias inside its own anchor expands forever
    let n = 1;
    for (const item of node.items as unknown[]) {
      const value = isPair(item) ? item.value : item;
      n += (isPair(item) ? 1 : 0) + size(value);
      if (n > MAX_EXPANDED_NODES) throw bomb(value, isAlias(value) ? `*${value.source}` : 'this value');
    }
    sizes.set(node, n);
    return n;
  };
  size(doc.contents);
}
