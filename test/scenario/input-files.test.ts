/**
 * The files a scenario's keys name, read through the families' file hooks (churn.trace is
 * the one registered): from disk with the size/mtime cache, from given texts (a browser),
 * from the store (a worker); errors at the key's line:column or at the file's line.
 */
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAMILIES } from '../../sim/families/families';
import { ScenarioError } from '../../sim/scenario/errors';
import { loadedFile } from '../../sim/scenario/file-store';
import { FAMILY_FILES, filesForWorker, namedFiles, textFiles } from '../../sim/scenario/input-files';
import { loadScenarioText } from '../../sim/scenario/load';
import { loadScenarioText as loadFromText } from '../../sim/scenario/load-text';
import { namedFileTexts, readInputFile } from '../../sim/scenario/node-files';

const dir = mkdtempSync(join(tmpdir(), 'gossipsim-files-'));
const scenarioFile = join(dir, 'scenario.yaml');
const text = (trace: string) => `name: files\nduration: 10\nchurn:\n  trace: ${trace}\noverlay: { model: random-regular, degree: 0 }\n`;
const errorOf = (f: () => unknown): string => {
  try { f(); } catch (e) { return e instanceof ScenarioError ? e.format() : `not a ScenarioError: ${String(e)}`; }
  return 'no error';
};
const traceKind = FAMILY_FILES.find((f) => f.key.join('.') === 'churn.trace')!;

describe('family files', () => {
  it('come from the descriptors: churn registers churn.trace and the trace-summary command', () => {
    expect(FAMILY_FILES.map((f) => f.key.join('.'))).toEqual(['churn.trace']);
    expect(FAMILIES.flatMap((f) => (f.commands ?? []).map((c) => c.name))).toEqual(['trace-summary']);
    expect(namedFiles({ churn: { trace: 'a.csv' } }).map((n) => n.written)).toEqual(['a.csv']);
    expect(namedFiles({ churn: { trace: '' } })).toEqual([]);
    expect(namedFiles({ churn: 5 })).toEqual([]);
  });

  it('from disk: resolved beside the scenario, applied (peers.count), cached until the file changes', () => {
    const file = join(dir, 'cached.csv');
    writeFileSync(file, 'peer,start,end\na,0,5\nb,1,4\n');
    const first = loadScenarioText(text('cached.csv'), scenarioFile);
    const path = relative(process.cwd(), file);
    expect(first.churn!.trace).toBe(path);
    expect(first.peers.count).toBe(2);
    const parsed = loadedFile(traceKind, path);
    loadScenarioText(text('cached.csv'), scenarioFile);
    expect(loadedFile(traceKind, path)).toBe(parsed); // same size and mtime: not parsed again
    writeFileSync(file, 'peer,start,end\na,0,5\nb,1,4\nc,2,3\n');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(loadScenarioText(text('cached.csv'), scenarioFile).peers.count).toBe(3);
    expect(loadedFile(traceKind, path)).not.toBe(parsed);
  });

  it('a file that cannot be read is reported at its key, a bad line at the file\'s line', () => {
    expect(errorOf(() => loadScenarioText(text('none.csv'), scenarioFile)))
      .toBe(`${scenarioFile}:4:10: churn.trace: cannot read the trace file: no such file or directory (${relative(process.cwd(), join(dir, 'none.csv'))}).`);
    writeFileSync(join(dir, 'bad.csv'), 'peer,start,end\na,0,5\nb,x,4\n');
    expect(errorOf(() => loadScenarioText(text('bad.csv'), scenarioFile))).toMatch(/bad\.csv:3: /);
    expect(() => readInputFile(traceKind, join(dir, 'bad.csv'), 10)).toThrow(/more than the memory limit/);
  });

  it('from given texts (a browser run): parsed under the path as written; a file not given is named at its key', () => {
    const s = loadFromText(text('given.csv'), 'page.yaml', [], textFiles({ 'given.csv': 'peer,start,end\na,0,5\nb,1,4\nc,2,9\n' }));
    expect([s.churn!.trace, s.peers.count]).toEqual(['given.csv', 3]);
    expect(errorOf(() => loadFromText(text('other.csv'), 'page.yaml', [], textFiles({}))))
      .toMatch(/^page\.yaml:4:10: churn\.trace: this trace file was not loaded: .* \(other\.csv\)\.$/);
    expect(errorOf(() => loadFromText(text('given.csv'), 'page.yaml', ['churn.traceOffset=9'], textFiles({ 'given.csv': 'peer,start,end\na,0,5\n' }))))
      .toMatch(/^page\.yaml: churn\.traceOffset \(from --set\): the trace given\.csv ends at 5 s/);
  });

  it('the texts a playground embeds are those of the files a scenario names, by the path as written', () => {
    writeFileSync(join(dir, 'embedded.csv'), 'peer,start,end\na,0,5\n');
    expect(namedFileTexts({ churn: { trace: 'embedded.csv' } }, scenarioFile)).toEqual({ 'embedded.csv': 'peer,start,end\na,0,5\n' });
    expect(namedFileTexts({ churn: { trace: 'missing.csv' } }, scenarioFile)).toEqual({});
  });

  it('are posted to worker threads over shared memory, once however many times they are posted', () => {
    writeFileSync(join(dir, 'posted.csv'), 'peer,start,end\na,0,5\nb,1,4\n');
    const s = loadScenarioText(text('posted.csv'), scenarioFile);
    const [sent] = filesForWorker(s);
    expect([sent.key, sent.path, typeof sent.stamp?.mtimeMs]).toEqual(['churn.trace', s.churn!.trace, 'number']);
    const trace = sent.parsed as { start: Float64Array; peer: Uint32Array; ids: string[] };
    expect(trace.start.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect([...trace.start, ...trace.peer, ...trace.ids]).toEqual([0, 1, 0, 1, 'a', 'b']);
    expect((filesForWorker(s)[0].parsed as typeof trace).start).toBe(trace.start);
    expect(filesForWorker(loadScenarioText('name: no files\n', scenarioFile))).toEqual([]);
  });

  it('a trace with no session is refused at its key', () => {
    writeFileSync(join(dir, 'empty.csv'), 'peer,start,end\na,3,3\n');
    expect(errorOf(() => loadScenarioText(text('empty.csv'), scenarioFile))).toMatch(/scenario\.yaml:4:10: churn\.trace: the trace .*empty\.csv has no session to replay\./);
    rmSync(join(dir, 'empty.csv'));
  });
});
