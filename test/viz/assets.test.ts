/**
 * The report's stylesheet writes the dark palette once (theme "dark"); withAutoDark adds the
 * same palette for theme "auto" on a system that prefers dark. (The browser test checks the
 * rendered colour of both.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportAssets, withAutoDark } from '../../viz/assets';

describe('withAutoDark', () => {
  it('repeats the dark rule\'s declarations for "auto" under a dark preference, right after it', () => {
    const css = ':root { --bg: #fff; }\n:root[data-theme="dark"] {\n  --bg: #000;\n  --fg: #eee;\n}\nbody { color: var(--fg); }\n';
    expect(withAutoDark(css)).toBe(
      ':root { --bg: #fff; }\n:root[data-theme="dark"] {\n  --bg: #000;\n  --fg: #eee;\n}\n'
      + '@media (prefers-color-scheme: dark) {\n  :root[data-theme="auto"] {\n  --bg: #000;\n  --fg: #eee;\n}\n}\n'
      + 'body { color: var(--fg); }\n',
    );
  });

  it('refuses a stylesheet without a dark rule', () => {
    expect(() => withAutoDark(':root { --bg: #fff; }')).toThrow(/no :root\[data-theme="dark"\] rule/);
  });

  it('gives the report both rules, from one palette in report.css', () => {
    const source = readFileSync(join(__dirname, '..', '..', 'viz', 'client', 'report.css'), 'utf8');
    expect(source).not.toContain('data-theme="auto"');
    const css = reportAssets().css;
    const dark = /:root\[data-theme="dark"\] (\{[^}]*\})/.exec(css)![1];
    const auto = /@media \(prefers-color-scheme: dark\) \{\s*:root\[data-theme="auto"\] (\{[^}]*\})/.exec(css)![1];
    expect(auto).toBe(dark);
    expect(dark).toContain('--bg: #0e1014;');
  });
});
