/**
 * Trace parsing (issue 31 §1): the session CSV and the FTA event table give the same sorted
 * sessions; every kind of bad line is refused with `file:line: what is wrong`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvTrace } from '../../../sim/dynamics/churn/trace/parse-csv';
import { parseFtaTrace } from '../../../sim/dynamics/churn/trace/parse-fta';
import { loadTrace } from '../../../sim/dynamics/churn/trace/load';
import { ScenarioError } from '../../../sim/scenario/errors';

const sessions = (t: ReturnType<typeof parseCsvTrace>) =>
  Array.from(t.start, (s, i) => [t.ids[t.peer[i]], s, t.end[i]]);

function errorOf(f: () => unknown): string {
  try { f(); } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as ScenarioError).format();
  }
  throw new Error('no error thrown');
}

describe('session CSV', () => {
  it('reads rows after an optional header, skipping comments and blank lines; peers numbered by first session', () => {
    const t = parseCsvTrace('# synthetic\npeer,start,end\nb,0,10\n\na,0,5\nb,10,20\nc,12,13\na,15,15\n', 'x.csv');
    expect(t.ids).toEqual(['b', 'a', 'c']);
    expect(sessions(t)).toEqual([['b', 0, 10], ['a', 0, 5], ['b', 10, 20], ['c', 12, 13]]);
    expect(t.zeroLength).toBe(1);
  });

  it('accepts a file without a header and with CRLF line ends', () => {
    const t = parseCsvTrace('7,1.5,2.5\r\n8,2,3e1\r\n', 'x.csv');
    expect(sessions(t)).toEqual([['7', 1.5, 2.5], ['8', 2, 30]]);
  });

  const bad: Array<[string, string, RegExp]> = [
    ['wrong column count', 'a,0,1\nb,2\n', /^x\.csv:2: expected 3 columns \(peer,start,end\), got 2\.$/],
    ['unsorted', 'a,5,6\nb,2,3\n', /^x\.csv:2: the rows are not sorted by start time: this session starts at 2 s, before the one on line 1 \(5 s\)/],
    ['negative', 'a,-1,3\n', /^x\.csv:1: the start time -1 is negative/],
    ['end before start', 'a,4,3\n', /^x\.csv:1: the session ends \(3 s\) before it starts \(4 s\)/],
    ['overlap', 'a,0,10\nb,1,2\na,5,12\n', /^x\.csv:3: this session of peer 'a' \(5 to 12 s\) overlaps its session on line 1 \(0 to 10 s\)/],
    ['bad peer id', 'a,0,1\n"q r",2,3\n', /^x\.csv:2: the peer id '"q r"' is not valid/],
    ['not a number', 'a,0,1\nb,x,3\n', /^x\.csv:2: the start time 'x' is not a number of seconds/],
  ];
  for (const [what, text, message] of bad) {
    it(`refuses ${what} with the file and line`, () => {
      expect(errorOf(() => parseCsvTrace(text, 'x.csv'))).toMatch(message);
    });
  }
});

// Columns: event_id component_id node_id platform_id node_name event_type start stop [reason]
const fta = (rows: Array<Array<string | number>>) => rows.map((r) => r.join('\t')).join('\n') + '\n';

describe('FTA event table', () => {
  it('keeps the up events (type 1), sorts them by time and shifts times to the earliest event', () => {
    const t = parseFtaTrace(fta([
      ['event_id', 'component_id', 'node_id', 'platform_id', 'node_name', 'event_type', 'event_start_time', 'event_stop_time', 'event_end_reason'],
      [1, 0, 5, 0, 'n5', 1, 1000, 1100, ''],
      [2, 0, 5, 0, 'n5', 0, 1100, 1300, ''],
      [3, 0, 5, 0, 'n5', 1, 1300, 1400, ''],
      [4, 0, 2, 0, 'n2', 0, 990, 1050],
      [5, 0, 2, 0, 'n2', 1, 1050, 1500],
    ]), 'x.tab');
    expect(t.origin).toBe(990);
    expect(t.ids).toEqual(['5', '2']);
    expect(sessions(t)).toEqual([['5', 10, 110], ['2', 60, 510], ['5', 310, 410]]);
  });

  const bad: Array<[string, string, RegExp]> = [
    ['wrong column count', fta([[1, 0, 5, 0, 'n5', 1, 10]]), /^x\.tab:1: expected 8 or 9 tab-separated columns/],
    ['unknown event type', fta([[1, 0, 5, 0, 'n5', 2, 10, 20]]), /^x\.tab:1: the event_type '2' \(column 6\) is unknown/],
    ['a node id that is not an id', fta([[1, 0, 'x5', 0, 'n5', 1, 10, 20]]), /^x\.tab:1: the node_id 'x5' \(column 3\) is not a known id/],
    ['negative time', fta([[1, 0, 5, 0, 'n5', 1, -10, 20]]), /^x\.tab:1: the event_start_time -10 is negative/],
    ['overlapping up events of a node', fta([[1, 0, 5, 0, 'n', 1, 10, 20], [2, 0, 5, 0, 'n', 1, 15, 30]]), /^x\.tab:2: this session of peer '5'/],
  ];
  for (const [what, text, message] of bad) {
    it(`refuses ${what} with the file and line`, () => {
      expect(errorOf(() => parseFtaTrace(text, 'x.tab'))).toMatch(message);
    });
  }
});

describe('loading a trace file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gossipsim-trace-'));

  it('picks the format from the name and names a missing file', () => {
    writeFileSync(join(dir, 'a.csv'), 'a,0,1\n');
    expect(loadTrace(join(dir, 'a.csv')).format).toBe('csv');
    expect(errorOf(() => loadTrace(join(dir, 'none.csv')))).toMatch(/none\.csv: cannot read the trace file: no such file or directory/);
  });

  it('refuses up front a file that could not fit in the memory limit', () => {
    writeFileSync(join(dir, 'big.csv'), 'a,0,1\n'.repeat(1000));
    expect(errorOf(() => loadTrace(join(dir, 'big.csv'), 10_000))).toMatch(/big\.csv: the trace file \(0\.0 MiB\) could need up to .* more than the memory limit/);
  });
});

describe('numbers read in place', () => {
  it('parseNumberIn agrees with Number on plain decimals and falls back for the rest', async () => {
    const { parseNumberIn } = await import('../../../sim/dynamics/churn/trace/lines');
    const cases = ['0', '7', '12.', '.5', '0.1', '12.345', '86400', '1234567890.123', ' 42 ', '1e3', '-1', '+2', '1.5e-3',
      '123456789012345678', '0.30000000000000004'];
    for (const c of cases) expect(parseNumberIn(`x${c}y`, 1, c.length + 1), c).toBe(Number(c.trim()));
    for (const c of ['.', '', 'abc', '1.2.3', '0x10', 'Infinity', '1,5']) expect(parseNumberIn(c, 0, c.length), c).toBeNaN();
  });
});

describe('hostile trace paths', () => {
  it('refuses a device, which could be endless, without reading it', () => {
    expect(errorOf(() => loadTrace('/dev/zero'))).toBe('/dev/zero: cannot read the trace file: it is not a regular file.');
  });
});
