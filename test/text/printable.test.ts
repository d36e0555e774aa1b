import { describe, expect, it } from 'vitest';
import { printable, printableLines } from '../../sim/text/printable';
import { ScenarioError } from '../../sim/scenario/errors';

describe('printable', () => {
  it('escapes C0, DEL, C1, separators and bidi overrides, and nothing else', () => {
    expect(printable('a\u001b[2Jb')).toBe('a\\x1b[2Jb');
    expect(printable('\u0007\u007f\u009b\r\n\t')).toBe('\\x07\\x7f\\x9b\\x0d\\x0a\\x09');
    expect(printable('x\u202ey\u2066z\u2028')).toBe('x\\u202ey\\u2066z\\u2028');
    expect(printable('Zürich — 東京 🙂 <b>')).toBe('Zürich — 東京 🙂 <b>');
  });
  it('keeps line breaks and tabs where text spans lines', () => {
    expect(printableLines('a\tb\n\u001b]0;title\u0007c')).toBe('a\tb\n\\x1b]0;title\\x07c');
  });
  it('is applied to every scenario error, so no escape sequence reaches the terminal', () => {
    const e = ScenarioError.at("unknown key '\u001b[31mred'", ['\u001b[31mred'], { line: 1, column: 1 }, 'f.yaml');
    expect(e.format()).toBe("f.yaml:1:1: \\x1b[31mred: unknown key '\\x1b[31mred'.");
  });
});
