/**
 * Reads a scenario file, then as load-text.ts: YAML (or JSON) → --set overrides → validated
 * `Scenario`, every failure a ScenarioError naming the file, the key path and line:column.
 */
import { readFileSync } from 'node:fs';
import type { Scenario } from './schema.js';
import { ScenarioError } from './errors.js';
import { loadScenarioText } from './load-text.js';

export { loadScenarioText, parseScenarioText, type ParsedScenario } from './load-text.js';

/** Reads, overrides (`key.path=value` strings, in order) and validates a scenario file. */
export function loadScenarioFile(file: string, sets: readonly string[] = []): Scenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ScenarioError(`cannot read the scenario file: ${osReason(error)}`, { file });
  }
  return loadScenarioText(text, file, sets);
}

/** The OS's reason in words: "no such file or directory", "permission denied". */
function osReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES': return 'permission denied';
    case 'EISDIR': return 'it is a directory';
    case 'ENOTDIR': return 'a part of the path is not a directory';
    case 'EMFILE': return 'too many open files';
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return code ? `${message.replace(new RegExp(`^${code}: `), '')} (${code})` : message;
    }
  }
}
