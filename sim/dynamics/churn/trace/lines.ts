/** Line-by-line reading of a trace text without splitting it into one string per line. */

/** Calls `visit(text, lineNumber)` for each line (1-based; \n or \r\n endings). */
export function forEachLine(text: string, visit: (line: string, lineNumber: number) => void): void {
  let from = 0, lineNumber = 0;
  while (from < text.length) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    lineNumber++;
    const line = text.charCodeAt(to - 1) === 13 ? text.slice(from, to - 1) : text.slice(from, to);
    visit(line, lineNumber);
    from = to + 1;
  }
}

/** A blank line or a `#` comment, which both formats skip. */
export function isSkipped(line: string): boolean {
  const t = line.trim();
  return t === '' || t.startsWith('#');
}

/** A finite number written as one (not '', not 'Infinity', not '0x10'), else NaN. */
export function parseNumber(field: string): number {
  const t = field.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return NaN;
  return Number(t);
}

/**
 * The number written in text[from, to) (surrounding spaces allowed), else NaN. Plain
 * decimals ("123", "12.5") are read without making a string; anything else goes through
 * parseNumber.
 */
export function parseNumberIn(text: string, from: number, to: number): number {
  while (from < to && text.charCodeAt(from) === 32) from++;
  while (to > from && text.charCodeAt(to - 1) === 32) to--;
  let value = 0, i = from, scale = 0;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      if (scale > 0) scale *= 10;
    } else if (c === 46 && scale === 0) {
      scale = 1;
    } else {
      break;
    }
  }
  // Up to 15 digits a double holds exactly; longer or other forms take the slow path.
  if (i === to && to > from && to - from <= 15 && !(scale === 1 && to - from === 1)) return scale > 1 ? value / scale : value;
  return parseNumber(text.slice(from, to));
}

/** Peer ids: printable characters, no spaces or quotes, at most 200. */
export function validPeerId(id: string): boolean {
  return id.length > 0 && id.length <= 200 && /^[^\s"',]+$/.test(id);
}
