/**
 * `churn.trace` as a family file (families/files.ts): how the scenario loader parses a trace,
 * bounds its memory, applies it to the scenario and checks it, and how it reaches workers.
 */
import type { FamilyFile } from '../../../families/files.js';
import { parseTraceText } from './parse.js';
import { applyTrace, checkTraceWindow } from './scenario.js';
import { traceBytes, type Trace } from './trace.js';

/** The shortest session line ("a,0,1\n"): a file of B bytes holds at most B / 6 sessions. */
const MIN_LINE_BYTES = 6;

/** Each trace's copy over shared memory, made once however many workers it is posted to. */
const shared = new WeakMap<Trace, Trace>();

function sharedCopy<A extends Float64Array | Uint32Array>(array: A): A {
  const copy = new (array.constructor as new (buffer: SharedArrayBuffer) => A)(new SharedArrayBuffer(array.byteLength));
  copy.set(array);
  return copy;
}

export const traceFile: FamilyFile<Trace> = {
  key: ['churn', 'trace'],
  noun: 'trace file',
  parse(text, path, fileBytes) {
    const trace = parseTraceText(text, path);
    trace.fileBytes = fileBytes;
    return trace;
  },
  // At worst a session every MIN_LINE_BYTES (and few peers: their bytes are small beside).
  worstBytes: (fileBytes) => traceBytes(fileBytes / MIN_LINE_BYTES, 0, fileBytes),
  apply: applyTrace,
  check: (scenario, trace, _path, at) => checkTraceWindow(scenario, trace, at),
  // Replay only reads the sessions: every worker of a sweep reads one shared copy.
  toWorker(trace) {
    let copy = shared.get(trace);
    if (!copy) {
      copy = { ...trace, start: sharedCopy(trace.start), end: sharedCopy(trace.end), peer: sharedCopy(trace.peer) };
      shared.set(trace, copy);
    }
    return copy;
  },
};
