/**
 * Reads an availability trace file (format from its name: `.csv` is the session CSV,
 * anything else the FTA event table), refusing up front a file too big for memory. The
 * trace is kept (store.ts) for the run; a file read again unchanged is not parsed again.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseTraceText } from './parse.js';
import { rememberTrace, storedTrace } from './store.js';
import { traceBytes, traceError, type Trace } from './trace.js';

/** The shortest session line ("a,0,1\n"): a file of B bytes holds at most B / 6 sessions. */
const MIN_LINE_BYTES = 6;
const MiB = 1048576, GiB = 1073741824;

/** When each stored trace's file was read: size and modification time. */
const readAt = new Map<string, { mtimeMs: number; size: number }>();

/**
 * The trace in `file`. Throws a ScenarioError (exit 2) for an unreadable file, a file whose
 * text and sessions could not fit in `limitBytes` (the scenario loader passes the memory
 * limit: GOSSIPSIM_MEMORY_LIMIT or the machine's), or a bad line (`file:line: what is wrong`).
 */
export function loadTrace(file: string, limitBytes = Infinity): Trace {
  let stat;
  try {
    stat = statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw traceError(file, undefined, `cannot read the trace file: ${code === 'ENOENT' ? 'no such file or directory' : String((error as Error).message)}`);
  }
  if (stat.isDirectory()) throw traceError(file, undefined, 'cannot read the trace file: it is a directory');
  // A device or a pipe (/dev/zero, a FIFO) could be endless: only regular files are read.
  if (!stat.isFile()) throw traceError(file, undefined, 'cannot read the trace file: it is not a regular file');
  const seen = readAt.get(file), stored = storedTrace(file);
  if (stored && seen && seen.mtimeMs === stat.mtimeMs && seen.size === stat.size) return stored;
  // At worst a session every MIN_LINE_BYTES (and few peers: their bytes are small beside).
  const worst = traceBytes(stat.size / MIN_LINE_BYTES, 0, stat.size);
  if (worst > limitBytes) {
    throw traceError(file, undefined, `the trace file (${(stat.size / MiB).toFixed(1)} MiB) could need up to ${(worst / GiB).toFixed(2)} GiB to load, more than the memory limit (${(limitBytes / GiB).toFixed(2)} GiB); set GOSSIPSIM_MEMORY_LIMIT (or off) if that is too cautious`);
  }
  const text = readFileSync(file, 'utf8');
  const trace = parseTraceText(text, file);
  trace.fileBytes = stat.size;
  rememberTrace(file, trace);
  readAt.set(file, { mtimeMs: stat.mtimeMs, size: stat.size });
  return trace;
}
