/** Runs the built CLI (dist/) in a child process, as a user would. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
/** What `gossipsim` runs: package.json's `bin`, the one-file bundle of the CLI (scripts/bundle.mjs). */
export const BIN = join(ROOT, (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: { gossipsim: string } }).bin.gossipsim);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI entry `entry` (a built file) with `args`, as `gossipsim` runs BIN. */
export function runCli(entry: string, args: string[], cwd = ROOT): CliResult {
  if (!existsSync(entry)) throw new Error(`build first (npm run build): ${entry} is missing`);
  const r = spawnSync(process.execPath, [entry, ...args], { cwd, encoding: 'utf8', env: { ...process.env, GOSSIPSIM_DEBUG: '' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function gossipsim(args: string[], cwd = ROOT): CliResult {
  return runCli(BIN, args, cwd);
}

export function tempDir(prefix = 'gossipsim-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A stack trace line as Node prints them. */
export const STACK_LINE = /^\s+at .+[(:]\d+/m;
