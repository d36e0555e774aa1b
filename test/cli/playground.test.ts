/**
 * `gossipsim playground`: one self-contained HTML file, written atomically, where the user
 * asked (default playground.html), never over a file gossipsim did not write; its CSP is
 * the report's plus `worker-src blob:`, and the scenarios are embedded as data, escaped.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STACK_LINE, gossipsim, tempDir } from '../helpers/cli';
import { createHash } from 'node:crypto';

describe('gossipsim playground', () => {
  it('writes playground.html in the current folder by default, and nothing else', () => {
    const dir = tempDir();
    const r = gossipsim(['playground'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^wrote playground\.html: 11 lessons and \d+ scenarios/);
    expect(readdirSync(dir)).toEqual(['playground.html']);
    const html = readFileSync(join(dir, 'playground.html'), 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.length).toBeGreaterThan(500_000);
  });

  it('has the report\'s CSP plus worker-src blob:, every inline script listed by hash, no URL to fetch', () => {
    const dir = tempDir();
    expect(gossipsim(['playground', '--out', join(dir, 'p.html'), '--quiet'], dir).code).toBe(0);
    const html = readFileSync(join(dir, 'p.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)![1].replace(/&#39;/g, "'");
    const directives = csp.split('; ').map((d) => d.split(' ')[0]);
    expect(directives).toEqual(['default-src', 'script-src', 'style-src', 'img-src', 'base-uri', 'form-action', 'worker-src']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('worker-src blob:');
    const scripts = [...html.matchAll(/<script( [^>]*)?>([\s\S]*?)<\/script>/g)];
    const code = scripts.filter((m) => !/type="application\/json"/.test(m[1] ?? ''));
    expect(code.map((m) => /id="([^"]+)"/.exec(m[1] ?? '')?.[1])).toEqual(['gs-d3', 'gs-report-client', 'gs-app']);
    for (const m of code) expect(csp).toContain(`'sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}'`);
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//);
  });

  it('embeds scenario text as JSON data that cannot close its element', () => {
    const dir = tempDir();
    expect(gossipsim(['playground', '--out', join(dir, 'p.html'), '--quiet'], dir).code).toBe(0);
    const html = readFileSync(join(dir, 'p.html'), 'utf8');
    const data = /<script type="application\/json" id="gs-scenarios">([\s\S]*?)<\/script>/.exec(html)![1];
    expect(data).not.toMatch(/[<>]/);
    const parsed = JSON.parse(data) as { scenarios: Array<{ path: string; text: string; files: Record<string, string> }> };
    const paths = parsed.scenarios.map((s) => s.path);
    expect(paths).toContain('scenarios/lessons/rumour-spreading.yaml');
    expect(parsed.scenarios.find((s) => s.path === 'scenarios/trace-replay.yaml')!.files).toHaveProperty(['traces/synthetic-weibull.csv']);
  });

  it('never replaces a file the user wrote; replaces its own', () => {
    const dir = tempDir();
    const mine = join(dir, 'lecture.html');
    writeFileSync(mine, '<html>my own page</html>');
    const r = gossipsim(['playground', '--out', mine], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('refusing to overwrite');
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(readFileSync(mine, 'utf8')).toBe('<html>my own page</html>');
    const ours = join(dir, 'ours.html');
    expect(gossipsim(['playground', '--out', ours, '--quiet'], dir).code).toBe(0);
    expect(gossipsim(['playground', '--out', ours, '--quiet'], dir).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['lecture.html', 'ours.html']);
    expect(existsSync(join(dir, '.ours.html.tmp'))).toBe(false);
  });
});
