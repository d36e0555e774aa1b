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

/** Peer ids: printable characters, no spaces or quotes, at most 200. */
export function validPeerId(id: string): boolean {
  return id.length > 0 && id.length <= 200 && /^[^\s"',]+$/.test(id);
}
