/** The golden cases: every bundled scenario and lesson (peers capped) and test/golden/scenarios/. */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { bundledScenarios } from '../../sim/cli/commands/list';
import { loadScenarioFile } from '../../sim/scenario/load';

const MAX_PEERS = 600;
const HERE = __dirname;
export const RESULTS = join(HERE, 'results');

export interface Case { name: string; file: string; sets: string[] }

export function goldenCases(): Case[] {
  const out: Case[] = [];
  for (const s of bundledScenarios()) {
    const big = loadScenarioFile(s.absolutePath).peers.count > MAX_PEERS;
    out.push({ name: s.path.replace(/\.yaml$/, '').replace(/\//g, '--'), file: s.absolutePath, sets: big ? [`peers.count=${MAX_PEERS}`] : [] });
  }
  const dir = join(HERE, 'scenarios');
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.yaml')).sort()) {
    out.push({ name: `golden--${basename(f, '.yaml')}`, file: join(dir, f), sets: [] });
  }
  return out;
}
