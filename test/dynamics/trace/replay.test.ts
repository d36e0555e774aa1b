/**
 * Trace replay (issue 31 §2): every join and leave happens at its trace time (scaled,
 * offset, looped), and the number of peers online equals the trace's own count at every
 * instant. Expected logs are computed here by brute force over the hand-written sessions.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TraceChurnComponent } from '../../../sim/dynamics/churn/trace/replay';
import { createContext } from '../../../sim/run/create-context';
import { runScenario } from '../../../sim/run/run-scenario';
import { loadScenarioText } from '../../../sim/scenario/load';
import { ScenarioError } from '../../../sim/scenario/errors';
import type { Scenario } from '../../../sim/scenario/schema';

const dir = mkdtempSync(join(tmpdir(), 'gossipsim-replay-'));

/** Sessions as written: a online at 0; b's two sessions touch at 3; c is short; all end by 9. */
const SESSIONS: Array<[string, number, number]> = [
  ['a', 0, 4], ['b', 1, 3], ['c', 2, 2.5], ['b', 3, 6], ['a', 5, 8], ['d', 7, 9],
];
/** Simulated ids: by first session (a 0, b 1, c 2, d 3). */
const SIM_ID: Record<string, number> = { a: 0, b: 1, c: 2, d: 3 };
writeFileSync(join(dir, 'sessions.csv'), 'peer,start,end\n' + SESSIONS.map((s) => s.join(',')).join('\n') + '\n');
// The same sessions as an FTA event table, in node order (not time order), with down events.
const ftaRows: string[] = [];
let eventId = 0;
for (const name of ['d', 'c', 'b', 'a']) {
  for (const [p, s, e] of SESSIONS) if (p === name) ftaRows.push([eventId++, 0, 100 + SIM_ID[p], 0, `host-${p}`, 1, 5000 + s, 5000 + e, ''].join('\t'));
}
ftaRows.push([eventId++, 0, 100, 0, 'host-a', 0, 5000 + 4, 5000 + 5, ''].join('\t'));
writeFileSync(join(dir, 'sessions.tab'), ftaRows.join('\n') + '\n');

function scenario(churn: string, extra = ''): Scenario {
  const overlay = extra.includes('overlay:') ? '' : 'overlay: { model: random-regular, degree: 0 }\n';
  const duration = extra.includes('duration:') ? '' : 'duration: 30\n';
  const metrics = extra.includes('metrics:') ? '' : 'metrics: { sample: 0.25 }\n';
  const text = `name: replay\n${duration}${overlay}${metrics}churn:\n${churn}\n${extra}`;
  return loadScenarioText(text, join(dir, 'scenario.yaml'));
}

type Entry = [time: number, peer: number, what: 'up' | 'down'];

/** The log a replay must produce, from the sessions alone (brute force over loop copies). */
function expectedLog(opts: { scale: number; offset: number; loop: boolean; duration: number }): { log: Entry[]; initiallyDown: number[] } {
  const last = Math.max(...SESSIONS.map((s) => s[2]));
  const period = (last - opts.offset) * opts.scale;
  const leaves: Entry[] = [], joins: Array<Entry & { order: number }> = [];
  const online0 = new Set<number>();
  for (let k = 0; k < (opts.loop ? 100 : 1); k++) {
    SESSIONS.forEach(([p, s, e]) => {
      if (e <= opts.offset) return;
      const start = (Math.max(s, opts.offset) - opts.offset) * opts.scale + k * period;
      const end = (e - opts.offset) * opts.scale + k * period;
      if (start === 0) online0.add(SIM_ID[p]);
      else if (start <= opts.duration) joins.push(Object.assign([start, SIM_ID[p], 'up'] as Entry, { order: s }));
      if (end <= opts.duration) leaves.push([end, SIM_ID[p], 'down']);
    });
  }
  const times = [...new Set([...leaves, ...joins].map((x) => x[0]))].sort((x, y) => x - y);
  const log: Entry[] = [];
  for (const t of times) {
    log.push(...leaves.filter((x) => x[0] === t).sort((x, y) => x[1] - y[1]));
    log.push(...joins.filter((x) => x[0] === t).sort((x, y) => x.order - y.order || x[1] - y[1]).map((x) => [x[0], x[1], x[2]] as Entry));
  }
  return { log, initiallyDown: [0, 1, 2, 3].filter((p) => !online0.has(p)) };
}

/** Runs the replay alone and logs every peerDown / peerUp with its time. */
function replayLog(s: Scenario): { log: Entry[]; atZero: Entry[]; component: TraceChurnComponent } {
  const ctx = createContext(s);
  const log: Entry[] = [];
  ctx.peerDown.push((p) => log.push([ctx.sim.now, p, 'down']));
  ctx.peerUp.push((p) => log.push([ctx.sim.now, p, 'up']));
  const component = new TraceChurnComponent(s.churn!);
  component.start(ctx);
  const atZero = log.splice(0);
  ctx.sim.run(s.duration);
  return { log, atZero, component };
}

describe('trace replay: every join and leave at its time', () => {
  const cases: Array<[string, string, { scale: number; offset: number; loop: boolean }]> = [
    ['the CSV as written (a trace shorter than the run)', '  trace: sessions.csv', { scale: 1, offset: 0, loop: false }],
    ['the FTA table of the same sessions', '  trace: sessions.tab', { scale: 1, offset: 0, loop: false }],
    ['scaled ×2, from trace time 1.5, looped', '  trace: sessions.csv\n  traceScale: 2\n  traceOffset: 1.5\n  traceLoop: true', { scale: 2, offset: 1.5, loop: true }],
    ['compressed ×0.5, looped', '  trace: sessions.csv\n  traceScale: 0.5\n  traceLoop: true', { scale: 0.5, offset: 0, loop: true }],
  ];
  for (const [name, churn, opts] of cases) {
    it(name, () => {
      const s = scenario(churn);
      expect(s.peers.count).toBe(4); // taken from the trace
      const { log, atZero } = replayLog(s);
      const expected = expectedLog({ ...opts, duration: s.duration });
      expect(atZero).toEqual(expected.initiallyDown.map((p) => [0, p, 'down']));
      expect(log).toEqual(expected.log);
    });
  }

  it('the number online equals the trace\'s count at every sample, with a real overlay, repair and stable extra peers', () => {
    const s = scenario('  trace: sessions.csv\n  traceScale: 2\n  traceOffset: 1.5\n  traceLoop: true',
      'peers: { count: 10 }\noverlay: { model: random-regular, degree: 4, repair: true }\n');
    const results = runScenario(s);
    const { time, alive } = results.series as { time: number[]; alive: number[] };
    const last = 9, period = (last - 1.5) * 2;
    const online = (t: number) => 6 + SESSIONS.filter(([, a, b]) => {
      if (b <= 1.5) return false;
      const k = Math.floor(t / period), u = t - k * period; // looped window position
      return (Math.max(a, 1.5) - 1.5) * 2 <= u && u < (b - 1.5) * 2;
    }).length;
    expect(time.length).toBeGreaterThan(100);
    expect(alive).toEqual(time.map(online));
    expect(results.churn?.trace?.stablePeers).toBe(6);
  });
});

describe('trace and population', () => {
  it('refuses a peers.count smaller than the trace\'s peers, at its line', () => {
    expect(() => scenario('  trace: sessions.csv', 'peers: { count: 3 }\n')).toThrow(ScenarioError);
    try { scenario('  trace: sessions.csv', 'peers: { count: 3 }\n'); } catch (e) {
      expect((e as ScenarioError).format()).toMatch(/scenario\.yaml:\d+:\d+: peers\.count: the trace .*sessions\.csv has 4 distinct peers, more than peers\.count \(3\)/);
    }
  });

  it('refuses session keys beside a trace, and an offset past its end', () => {
    expect(() => scenario('  trace: sessions.csv\n  session: 10s')).toThrow(/churn\.session is not used when churn\.trace replays a trace/);
    expect(() => scenario('  trace: sessions.csv\n  traceOffset: 9')).toThrow(/ends at 9 s \(trace time\), so an offset of 9 s would replay nothing/);
    // 30 s of run over a 9 s trace × 1e-6: 3.3·10^6 repeats of 6 sessions is under 10^9; × 1e-8 would not be.
    expect(scenario('  trace: sessions.csv\n  traceLoop: true\n  traceScale: 0.000001').churn!.traceScale).toBe(1e-6);
    expect(() => scenario('  trace: sessions.csv\n  traceLoop: true\n  traceScale: 0.00000001')).toThrow(/traceScale: expected a number between 0.000001 and 1000000/);
    expect(() => scenario('  trace: sessions.csv\n  traceLoop: true\n  traceScale: 0.000001', 'duration: 1000h\nmetrics: { sample: 1h }\n'))
      .toThrow(/churn\.traceScale: looping the trace 4000000\d+ times would replay about 2\.4e\+12 sessions, more than 1e\+9/);
  });

  it('names the trace file and line of a bad trace', () => {
    writeFileSync(join(dir, 'bad.csv'), 'a,0,3\na,2,4\n');
    expect(() => scenario('  trace: bad.csv')).toThrow(/bad\.csv:2: this session of peer 'a' \(2 to 4 s\) overlaps its session on line 1/);
  });
});

describe('memory', () => {
  it('the estimate counts the trace: its file, sessions and peers', async () => {
    const { estimateMemory } = await import('../../../sim/run/memory-estimate');
    const s = scenario('  trace: sessions.csv');
    const term = estimateMemory(s).terms.find((t) => t.what === 'churn trace (6 sessions)');
    expect(term).toBeDefined();
    // traceBytes: 2 × file bytes + 64 B a session + 120 B a peer.
    const size = (await import('node:fs')).statSync(join(dir, 'sessions.csv')).size;
    expect(term!.bytes).toBe(2 * size + 64 * 6 + 120 * 4);
  });
});
