/**
 * Text from a scenario made safe for a terminal: control characters (C0, DEL, C1), line
 * and paragraph separators and bidirectional overrides are written as visible escapes,
 * so a name cannot move the cursor, recolour the screen or reorder what is printed.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every unsafe character written as \xHH or \uHHHH. */
export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** `printable` for text that may span lines: keeps its line breaks (and tabs). */
export function printableLines(text: string): string {
  return text.split('\n').map((line) => printable(line).replace(/\\x09/g, '\t')).join('\n');
}
