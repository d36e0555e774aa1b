/**
 * Deterministic math: sim/ calls no engine-approximated Math function (nor `**`), and the
 * functions it uses instead agree with fdlibm's 1-ulp accuracy and with committed bits.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import stdlibExp from '@stdlib/math-base-special-exp';
import stdlibLn from '@stdlib/math-base-special-ln';
import stdlibCos from '@stdlib/math-base-special-cos';
import { BITS_COUNT, BITS_FILE } from './bits.js';
import { FUNCTIONS, hex, mathCases, mathLines, type MathName } from './cases.js';

const { ln, exp, cos } = FUNCTIONS;

const ROOT = resolve(__dirname, '..', '..');

// Math members ECMA-262 specifies exactly (or that are constants); every other one is
// "implementation-approximated" and may differ between engines.
const EXACT = new Set(['abs', 'ceil', 'floor', 'round', 'trunc', 'sign', 'sqrt', 'fround', 'imul', 'clz32', 'min', 'max',
  'PI', 'E', 'LN2', 'LN10', 'LOG2E', 'LOG10E', 'SQRT2', 'SQRT1_2']);

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

/** "file:line: text" for each approximated Math member, Math.random, or `**` in `source`. */
export function approximatedMath(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const at = (n: ts.Node, what: string) =>
    found.push(`${file}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}: ${what}`);
  const visit = (n: ts.Node) => {
    if (ts.isPropertyAccessExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'Math'
      && !EXACT.has(n.name.text)) at(n, `Math.${n.name.text}`);
    if (ts.isElementAccessExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'Math') at(n, 'Math[...]');
    if (ts.isBinaryExpression(n) && (n.operatorToken.kind === ts.SyntaxKind.AsteriskAsteriskToken
      || n.operatorToken.kind === ts.SyntaxKind.AsteriskAsteriskEqualsToken)) at(n, '** (Number::exponentiate)');
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

/** Distance in units in the last place between two finite doubles of the same sign (or equal). */
function ulps(a: number, b: number): number {
  if (Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b))) return 0;
  const bits = (x: number) => { const v = new DataView(new ArrayBuffer(8)); v.setFloat64(0, x); return v.getBigInt64(0); };
  const d = bits(a) - bits(b);
  return Number(d < 0n ? -d : d);
}

describe('deterministic math', () => {
  it('sim/ calls no engine-approximated Math function, no Math.random and no **', () => {
    const found = tsFiles(join(ROOT, 'sim')).flatMap((f) => approximatedMath(f.slice(ROOT.length + 1), readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });

  it('the check finds what it must (Math.log, Math.random, **, **=) and passes what it may', () => {
    const src = 'const a = Math.log(2); const b = Math.random(); let c = 2 ** 3; c **= 2;\n'
      + 'const d = Math.sqrt(Math.floor(Math.PI)); const e = "Math.exp ** 2"; // Math.cos(x) ** 2\n';
    expect(approximatedMath('x.ts', src)).toEqual(['x.ts:1: Math.log', 'x.ts:1: Math.random', 'x.ts:1: ** (Number::exponentiate)',
      'x.ts:1: ** (Number::exponentiate)']);
  });

  it('each function is within 1 ulp of Node\'s Math on 4,000 inputs per range (fdlibm\'s stated accuracy)', () => {
    const native: Record<MathName, (...a: number[]) => number> = { ln: Math.log, exp: Math.exp, pow: Math.pow, sin: Math.sin, cos: Math.cos };
    const worst: Record<string, number> = {};
    for (const c of mathCases(4000, 7)) {
      const ours = (FUNCTIONS[c.fn] as (...a: number[]) => number)(...c.args);
      const theirs = native[c.fn](...c.args);
      // Past overflow or underflow both must give the same special value.
      if (!Number.isFinite(theirs) || theirs === 0) { expect(ours, `${c.fn}(${c.args})`).toBe(theirs); continue; }
      worst[c.fn] = Math.max(worst[c.fn] ?? 0, ulps(ours, theirs));
    }
    expect(Object.keys(worst).sort()).toEqual(['cos', 'exp', 'ln', 'pow', 'sin']);
    for (const [fn, u] of Object.entries(worst)) expect(u, fn).toBeLessThanOrEqual(1);
  });

  it('ln, exp and cos (ported here for speed) give the same bits as stdlib\'s fdlibm ports', () => {
    // stdlib's exp reduces differently and flushes results below 2^-1022 to 0 more often, so
    // there exp must match V8's instead (also exact there: fdlibm's scaling).
    let checked = 0;
    for (const c of mathCases(20000, 11)) {
      const x = c.args[0];
      if (c.fn === 'ln') { expect(hex(ln(x)), `ln(${x})`).toBe(hex(stdlibLn(x))); checked++; }
      if (c.fn === 'exp') {
        const e = exp(x);
        expect(hex(e), `exp(${x})`).toBe(hex(Math.abs(e) < 2.2250738585072014e-308 ? Math.exp(x) : stdlibExp(x)));
        checked++;
      }
    }
    for (const x of [5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 1 + 2 ** -52, 1 - 2 ** -53]) expect(ln(x)).toBe(stdlibLn(x));
    for (const x of [-745.1, -740, -708.4, 709.78, 1e-300, -0.34657359027997264, 1.0397207708399179]) expect(exp(x)).toBe(Math.exp(x));
    expect(checked).toBe(80000);
    // cos: stdlib's port takes another path near multiples of π/2 (one input in 14 million
    // differed, where ours matched V8); here only inputs away from them.
    for (const c of mathCases(20000, 13)) {
      if (c.fn === 'cos' && Math.abs(c.args[0]) < 1e5) expect(hex(cos(c.args[0])), `cos(${c.args[0]})`).toBe(hex(stdlibCos(c.args[0])));
    }
  });

  it('special values are those of ECMAScript (pow(1, NaN) is NaN, unlike C)', () => {
    const { pow, sin } = FUNCTIONS;
    expect([ln(1), ln(0), ln(-1), ln(Infinity)]).toEqual([0, -Infinity, NaN, Infinity]);
    expect([exp(0), exp(-Infinity), exp(1000), exp(-1000)]).toEqual([1, 0, Infinity, 0]);
    expect([pow(2, 10), pow(0.5, -1), pow(1, NaN), pow(-8, 1 / 3)]).toEqual([1024, 2, NaN, NaN]);
    expect([sin(0), cos(0), hex(sin(-0))]).toEqual([0, 1, '8000000000000000']);
  });

  it(`matches the committed bit patterns of ${10 * BITS_COUNT} fixed inputs`, () => {
    const lines = mathLines(BITS_COUNT);
    if (process.env.GOSSIPSIM_UPDATE_MATH_BITS) writeFileSync(BITS_FILE, lines.join('\n') + '\n');
    expect(lines).toEqual(readFileSync(BITS_FILE, 'utf8').trimEnd().split('\n'));
  });
});
