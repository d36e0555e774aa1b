/**
 * The input files a family's scenario keys name (churn's `churn.trace`), and the commands it
 * adds that read one: the scenario loader, the worker threads and the command line reach a
 * family's files only through these hooks (sim/scenario/input-files.ts iterates them).
 */
import type { KeyPath, ScenarioError } from '../scenario/errors.js';
import type { Scenario } from '../scenario/schema.js';

/** The error of a key path in the scenario: `detail`, at the key's position in the file. */
export type ErrorAt = (keyPath: KeyPath, detail: string) => ScenarioError;

/**
 * A kind of input file: the key that names it, how it is parsed, and what it changes in the
 * scenario. Node reads it from disk under the memory limit, parsing a file again only once
 * it changed (scenario/node-files.ts); a browser is given its text; a worker thread is given
 * it parsed. `Parsed` must survive a structured clone (plain data and typed arrays).
 */
export interface FamilyFile<Parsed = unknown> {
  /**
   * The key whose value, a path, names the file: `['churn', 'trace']`. The path is taken
   * relative to the scenario file's folder (to the working directory when --set gave it),
   * and the key holds the resolved path once the scenario has loaded.
   */
  readonly key: readonly string[];
  /** What the file is, in messages: `trace file` ("cannot read the trace file: ..."). */
  readonly noun: string;
  /** The file's contents; a bad line throws a ScenarioError at `path:line`. `fileBytes`: its size on disk (0 when given as text). */
  parse(text: string, path: string, fileBytes: number): Parsed;
  /** Peak bytes that reading and parsing a file of `fileBytes` bytes may take: a file that could need more than the memory limit is refused unread. */
  worstBytes(fileBytes: number): number;
  /** Before validation: what the file changes in the raw scenario (a trace gives peers.count). */
  apply?(raw: Record<string, unknown>, parsed: Parsed, path: string, at: ErrorAt): void;
  /** After validation: the file checked against the scenario (a trace's window against churn.traceOffset). */
  check?(scenario: Scenario, parsed: Parsed, path: string, at: ErrorAt): void;
  /**
   * The form posted to worker threads, e.g. its typed arrays over SharedArrayBuffers, so that
   * every worker shares one copy; the worker keeps what it receives. Default: the parsed
   * value itself, copied by the structured clone.
   */
  toWorker?(parsed: Parsed): Parsed;
}

/** A command of the command line that reads one of the family's files: `gossipsim trace-summary <trace>`. */
export interface FileCommand<Parsed = unknown> {
  readonly name: string;
  readonly description: string;
  /** Its one argument, the file: `{ name: '<trace>', description: 'trace file: ...' }`. */
  readonly argument: { name: string; description: string };
  /** Its flags (boolean options), as commander writes them: `{ flags: '--json', description }`. */
  readonly flags?: ReadonlyArray<{ flags: string; description: string }>;
  /** Help text after the options (an example). */
  readonly help?: string;
  /** The kind of file it reads, read as a scenario's is (under the memory limit). */
  readonly file: FamilyFile<Parsed>;
  /** What it prints (on stdout) for the parsed file and the flags given. */
  output(parsed: Parsed, flags: Readonly<Record<string, boolean | undefined>>): string;
}
