/** Trace files in Node: paths resolved with node:path, files read under the memory limit. */
import { totalmem } from 'node:os';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { memoryLimit } from '../../../run/memory-estimate.js';
import { loadTrace } from './load.js';
import type { TraceFiles } from './scenario.js';

export const nodeTraceFiles: TraceFiles = {
  /** Relative to the working directory, so that the results name a path one can open from there. */
  resolve(written, scenarioFile, fromSet) {
    if (isAbsolute(written)) return written;
    const base = fromSet ? process.cwd() : dirname(resolve(scenarioFile));
    return relative(process.cwd(), resolve(base, written)) || written;
  },
  read: (path) => loadTrace(path, memoryLimit(process.env, totalmem()).bytes),
};
