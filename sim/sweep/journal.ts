/**
 * A sweep's journal: one JSON line per finished run, appended and fsync'd as each run ends,
 * so that `sweep --resume` after a kill (pre-emption, Ctrl-C, a closed laptop) reruns only
 * what was not finished. The first line says which sweep it belongs to.
 */
import { closeSync, existsSync, fsyncSync, ftruncateSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { UsageError } from '../io/usage-error.js';
import { isReplaceable, writeOutputFile } from '../io/output.js';
import type { TaskPlan } from './plan.js';

export const JOURNAL_FORMAT = 'gossipsim-journal/1';

/** Which sweep a journal belongs to: a resume must match every field. */
export interface JournalHeader {
  format: typeof JOURNAL_FORMAT;
  gossipsimVersion: string;
  /** The provenance's hash of the resolved base scenario (defaults and --set applied). */
  scenarioHash: string;
  vary: Array<{ path: string; values: string[] }>;
  replicates: number;
  shard: { index: number; count: number } | null;
}

/** One finished run: its place in the (point, replicate) list and its metrics. */
export interface JournalRecord {
  index: number;
  point: number;
  replicate: number;
  seed: number;
  metrics: Record<string, number>;
  wallSeconds: number;
}

/** The journal of a sweep whose main output is `output`: `results.json` -> `results.json.journal`. */
export function journalPathFor(output: string): string {
  return `${output}.journal`;
}

export interface Journal {
  path: string;
  /** Runs the journal already held when opened, by task index. */
  done: Map<number, JournalRecord>;
  append(record: JournalRecord): void;
  /** Runs it holds: those it was opened with and those appended since. */
  size(): number;
  close(): void;
  /** Deletes the journal once the sweep's outputs are written. */
  remove(): void;
}

function describeHeader(h: JournalHeader, key: keyof JournalHeader): string {
  switch (key) {
    case 'vary': return h.vary.map((v) => `--vary ${v.path}=${v.values.join(',')}`).join(' ') || '(none)';
    case 'shard': return h.shard ? `--shard ${h.shard.index}/${h.shard.count}` : 'no --shard';
    case 'replicates': return `--replicates ${h.replicates}`;
    case 'gossipsimVersion': return `gossipsim ${h.gossipsimVersion}`;
    case 'scenarioHash': return `scenario ${h.scenarioHash.slice(0, 12)}`;
    default: return String(h[key]);
  }
}

const WHAT: Record<keyof JournalHeader, string> = {
  format: 'its format',
  gossipsimVersion: 'another gossipsim version (its results could differ)',
  scenarioHash: 'a different scenario (the file or a --set differs)',
  vary: 'different --vary lists',
  replicates: 'a different --replicates',
  shard: 'a different --shard',
};

/** Parses a journal's text; a last line without its newline is a write cut short by a kill. */
function parseJournal(path: string, text: string): { header?: JournalHeader; records: JournalRecord[]; validBytes: number } {
  const end = text.lastIndexOf('\n') + 1;
  const lines = text.slice(0, end).split('\n').slice(0, -1);
  if (lines.length === 0) return { records: [], validBytes: 0 };
  const parse = (line: string, n: number): unknown => {
    try {
      return JSON.parse(line);
    } catch {
      throw new UsageError(`${path}:${n}: this journal line is not valid JSON; the journal is damaged. Delete it to start the sweep over.`);
    }
  };
  const header = parse(lines[0], 1) as JournalHeader;
  if (header?.format !== JOURNAL_FORMAT) {
    throw new UsageError(`${path}: not a gossipsim sweep journal (format ${JSON.stringify(header?.format)}, expected '${JOURNAL_FORMAT}').`);
  }
  const records = lines.slice(1).map((line, i) => parse(line, i + 2) as JournalRecord);
  return { header, records, validBytes: Buffer.byteLength(text.slice(0, end)) };
}

/**
 * Opens the journal at `path` for the sweep described by `header`, whose tasks are `tasks`
 * (with their seeds). Without `resume` an existing journal is refused: it holds finished
 * work. With `resume` it must belong to the same sweep; a missing one starts afresh.
 */
export function openJournal(
  path: string, header: JournalHeader, tasks: Array<TaskPlan & { seed: number }>, resume: boolean,
): Journal {
  const done = new Map<number, JournalRecord>();
  let validBytes = 0;
  if (existsSync(path)) {
    if (!isReplaceable(path)) {
      throw new UsageError(`${path}: refusing to use this file as the sweep's journal: gossipsim did not write it. Move it away, or choose another --json/--out path.`);
    }
    const text = readFileSync(path, 'utf8');
    const parsed = parseJournal(path, text);
    // A journal without a finished run (the sweep stopped before its first) holds no work.
    if (parsed.records.length === 0) parsed.header = undefined;
    if (parsed.header && !resume) {
      throw new UsageError(
        `${path}: an earlier run of this sweep was interrupted after ${parsed.records.length} finished run(s), which this journal holds. ` +
        `Add --resume to continue it (only the missing runs are run), or delete the journal to start over.`);
    }
    if (parsed.header && resume) {
      for (const key of Object.keys(WHAT) as Array<keyof JournalHeader>) {
        if (JSON.stringify(parsed.header[key]) !== JSON.stringify(header[key])) {
          throw new UsageError(
            `${path}: cannot resume: this journal belongs to a sweep with ${WHAT[key]} ` +
            `(journal: ${describeHeader(parsed.header, key)}; now: ${describeHeader(header, key)}). ` +
            `Rerun with the journal's options, or delete it to start over.`);
        }
      }
      const byIndex = new Map(tasks.map((t) => [t.index, t]));
      parsed.records.forEach((r, i) => {
        const t = byIndex.get(r.index);
        if (!t || t.point !== r.point || t.replicate !== r.replicate || t.seed !== r.seed || typeof r.metrics !== 'object') {
          throw new UsageError(`${path}:${i + 2}: this run (point ${r.point}, replicate ${r.replicate}) is not one of this sweep's runs; the journal is damaged. Delete it to start over.`);
        }
        done.set(r.index, r);
      });
      validBytes = parsed.validBytes;
    }
  }
  let fd: number;
  if (validBytes === 0) {
    // A new journal (or one killed before its header was whole): the header is written atomically.
    writeOutputFile(path, JSON.stringify(header) + '\n');
    fd = openSync(path, 'r+');
    validBytes = Buffer.byteLength(JSON.stringify(header) + '\n');
  } else {
    fd = openSync(path, 'r+');
  }
  // Drops a line cut short by a kill, so that the next record starts on its own line.
  ftruncateSync(fd, validBytes);
  let position = validBytes;
  let appended = 0;
  return {
    path,
    done,
    size: () => done.size + appended,
    append(record) {
      // One write of a whole line, then fsync: a kill leaves at most one torn last line,
      // which the next resume drops.
      const line = Buffer.from(JSON.stringify(record) + '\n');
      writeSync(fd, line, 0, line.length, position);
      position += line.length;
      fsyncSync(fd);
      appended++;
    },
    close() {
      closeSync(fd);
    },
    remove() {
      rmSync(path, { force: true });
    },
  };
}
