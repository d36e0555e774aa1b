/**
 * Errors in scenario input (file, YAML, schema, --set), each formatted as one paragraph
 * that names the file, the key path and, where the YAML has one, line:column.
 */
import { printable } from '../text/printable.js';

/** A key path: mapping keys and list indices, e.g. ['workload', 'broadcasts', 0, 'fanout']. */
export type KeyPath = ReadonlyArray<string | number>;

/** Where a value came from: a position in the file (1-based), or a --set option. */
export type Origin = { line: number; column: number } | { set: true };

/** `['workload', 'broadcasts', 0, 'fanout']` → `workload.broadcasts[0].fanout`. */
export function formatKeyPath(path: KeyPath): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text === '' ? part : `.${part}`;
  }
  return text;
}

export interface ScenarioErrorInit {
  /** The scenario file (as the user named it). */
  file?: string;
  /** Dotted key path of the offending key, when there is one. */
  keyPath?: string;
  /** 1-based position in the file. */
  line?: number;
  column?: number;
  /** The value was given on the command line with --set rather than in the file. */
  fromSet?: boolean;
}

/**
 * Bad scenario input. `detail` says what is wrong in plain words; `format()` adds the
 * file, position and key path: `scenarios/x.yaml:12:5: overlay.degree: expected ...`.
 */
export class ScenarioError extends Error {
  readonly file?: string;
  readonly keyPath?: string;
  readonly line?: number;
  readonly column?: number;
  readonly fromSet: boolean;
  readonly detail: string;

  constructor(detail: string, init: ScenarioErrorInit = {}) {
    super(detail);
    this.name = 'ScenarioError';
    this.detail = detail;
    this.file = init.file;
    this.keyPath = init.keyPath;
    this.line = init.line;
    this.column = init.column;
    this.fromSet = init.fromSet ?? false;
    this.message = this.format();
  }

  /** Builds an error at `path`, placed by `origin` (a file position or --set). */
  static at(detail: string, path: KeyPath, origin?: Origin, file?: string): ScenarioError {
    return new ScenarioError(detail, { file, keyPath: formatKeyPath(path), ...originFields(origin) });
  }

  /** The same error, attributed to `file`. */
  withFile(file: string): ScenarioError {
    return new ScenarioError(this.detail, { ...this.init(), file });
  }

  protected init(): ScenarioErrorInit {
    return { file: this.file, keyPath: this.keyPath, line: this.line, column: this.column, fromSet: this.fromSet };
  }

  /**
   * One paragraph, no stack: `file:line:column: key.path: what is wrong.` Control
   * characters a scenario put in a key or value are shown escaped, never sent to the terminal.
   */
  format(): string {
    let where = printable(this.file ?? '');
    if (this.line !== undefined && !this.fromSet) {
      where += `${where ? ':' : 'line '}${this.line}${this.column !== undefined ? `:${this.column}` : ''}`;
    }
    const parts: string[] = [];
    if (where) parts.push(where);
    if (this.keyPath) parts.push(printable(this.fromSet ? `${this.keyPath} (from --set)` : this.keyPath));
    parts.push(printable(sentence(this.detail)));
    return parts.join(': ');
  }
}

/** Capitalisation is left alone (messages start with key names); ends with a full stop. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.?!]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function originFields(origin?: Origin): Pick<ScenarioErrorInit, 'line' | 'column' | 'fromSet'> {
  if (!origin) return {};
  if ('set' in origin) return { fromSet: true };
  return { line: origin.line, column: origin.column };
}

/**
 * Several problems found in one pass. It is itself the first error (file, key path and
 * position are the first one's), so callers can treat it as a ScenarioError; `format()`
 * gives one line per problem, the first one first.
 */
export class ScenarioErrors extends ScenarioError {
  /** Problems shown in full; the rest are counted. */
  static readonly shown = 10;
  readonly errors: readonly ScenarioError[];

  constructor(errors: readonly ScenarioError[]) {
    if (errors.length === 0) throw new Error('scenario/errors: ScenarioErrors needs at least one error');
    const first = errors[0];
    super(first.detail, {
      file: first.file, keyPath: first.keyPath, line: first.line, column: first.column, fromSet: first.fromSet,
    });
    this.name = 'ScenarioErrors';
    this.errors = errors;
    this.message = this.format();
  }

  /** Throws the single error itself, or all of them together. */
  static throwIfAny(errors: readonly ScenarioError[]): void {
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new ScenarioErrors(errors);
  }

  override withFile(file: string): ScenarioErrors {
    return new ScenarioErrors(this.errors.map((e) => e.withFile(file)));
  }

  override format(): string {
    // `errors` is not yet assigned while the base constructor runs.
    if (!this.errors) return super.format();
    const lines = this.errors.slice(0, ScenarioErrors.shown).map((e) => e.format());
    const more = this.errors.length - ScenarioErrors.shown;
    if (more > 0) lines.push(`(and ${more} more problem${more === 1 ? '' : 's'})`);
    return lines.join('\n');
  }
}
