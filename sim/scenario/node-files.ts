/**
 * The files a scenario's keys name, in Node: paths resolved with node:path, each file read
 * under the memory limit, and parsed again only once it changed (families/files.ts).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { totalmem } from 'node:os';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { FamilyFile } from '../families/files.js';
import { memoryLimit } from '../run/memory-estimate.js';
import { ScenarioError } from './errors.js';
import { loadedFile, storeFile, storedEntry } from './file-store.js';
import { namedFiles, type FileSource } from './input-files.js';

const MiB = 1048576, GiB = 1073741824;

/**
 * The file at `path`, parsed. Throws a ScenarioError (exit 2) for an unreadable file, one
 * that is not a regular file, one whose reading could need more than `limitBytes` (the
 * memory limit: GOSSIPSIM_MEMORY_LIMIT or the machine's), or a bad line (`path:line: ...`).
 */
export function readInputFile<T>(file: FamilyFile<T>, path: string, limitBytes = Infinity): T {
  const fail = (detail: string) => new ScenarioError(detail, { file: path });
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw fail(`cannot read the ${file.noun}: ${code === 'ENOENT' ? 'no such file or directory' : String((error as Error).message)}`);
  }
  if (stat.isDirectory()) throw fail(`cannot read the ${file.noun}: it is a directory`);
  // A device or a pipe (/dev/zero, a FIFO) could be endless: only regular files are read.
  if (!stat.isFile()) throw fail(`cannot read the ${file.noun}: it is not a regular file`);
  const stored = storedEntry(file, path);
  if (stored?.stamp && stored.stamp.mtimeMs === stat.mtimeMs && stored.stamp.size === stat.size) return stored.parsed;
  const worst = file.worstBytes(stat.size);
  if (worst > limitBytes) {
    throw fail(`the ${file.noun} (${(stat.size / MiB).toFixed(1)} MiB) could need up to ${(worst / GiB).toFixed(2)} GiB to load, more than the memory limit (${(limitBytes / GiB).toFixed(2)} GiB); set GOSSIPSIM_MEMORY_LIMIT (or off) if that is too cautious`);
  }
  const parsed = file.parse(readFileSync(path, 'utf8'), path, stat.size);
  storeFile(file, path, parsed, { mtimeMs: stat.mtimeMs, size: stat.size });
  return parsed;
}

/** The memory limit a file is read under (as a run's). */
export function fileMemoryLimit(): number {
  return memoryLimit(process.env, totalmem()).bytes;
}

export const nodeFiles: FileSource = {
  /** Relative to the working directory, so that the results name a path one can open from there. */
  resolve(written, scenarioFile, fromSet) {
    if (isAbsolute(written)) return written;
    const base = fromSet ? process.cwd() : dirname(resolve(scenarioFile));
    return relative(process.cwd(), resolve(base, written)) || written;
  },
  read: (file, path) => readInputFile(file, path, fileMemoryLimit()),
};

/** Paths resolved as nodeFiles does, files taken from the store only: a worker thread's, given them parsed (adoptFiles). */
export const storedNodeFiles: FileSource = { resolve: nodeFiles.resolve, read: loadedFile };

/**
 * The texts of the files a parsed scenario names that exist beside `scenarioFile`, by the
 * path as written: what a browser run of it is given (the playground embeds them).
 */
export function namedFileTexts(raw: unknown, scenarioFile: string): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const { written } of namedFiles(raw)) {
    const path = resolve(dirname(scenarioFile), written);
    if (existsSync(path)) texts[written] = readFileSync(path, 'utf8');
  }
  return texts;
}
