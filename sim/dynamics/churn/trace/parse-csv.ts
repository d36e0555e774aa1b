/**
 * The plain session CSV: `peer,start,end` per line, times in seconds, rows in order of start
 * time; an optional header line, blank lines and `#` comment lines are skipped. Fields are
 * read in place from the text (one string a line, the peer id), as 10^6-line files need.
 */
import { isSkipped, parseNumberIn, validPeerId } from './lines.js';
import { SessionList, buildTrace, traceError, type Trace } from './trace.js';

export function parseCsvTrace(text: string, file: string): Trace {
  const list = new SessionList(file);
  let seenData = false, previousStart = -Infinity, previousLine = 0;
  let from = 0, n = 0;
  while (from < text.length) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    n++;
    const lineEnd = text.charCodeAt(to - 1) === 13 ? to - 1 : to;
    const lineStart = from;
    from = to + 1;
    const c1 = text.indexOf(',', lineStart);
    const c2 = c1 >= 0 && c1 < lineEnd ? text.indexOf(',', c1 + 1) : -1;
    const c3 = c2 >= 0 && c2 < lineEnd ? text.indexOf(',', c2 + 1) : -1;
    if (c1 < 0 || c1 >= lineEnd || c2 < 0 || c2 >= lineEnd || (c3 >= 0 && c3 < lineEnd)) {
      const line = text.slice(lineStart, lineEnd);
      if (isSkipped(line)) continue;
      throw traceError(file, n, `expected 3 columns (peer,start,end), got ${line.split(',').length}`);
    }
    const first = text.charCodeAt(lineStart);
    if (first === 35 /* # */ || (first <= 32 && isSkipped(text.slice(lineStart, lineEnd)))) continue;
    const start = parseNumberIn(text, c1 + 1, c2), end = parseNumberIn(text, c2 + 1, lineEnd);
    if (!seenData && Number.isNaN(start) && Number.isNaN(end)) { seenData = true; continue; } // the header
    seenData = true;
    const id = text.slice(lineStart, c1).trim();
    if (!validPeerId(id)) throw traceError(file, n, `the peer id '${id}' is not valid: expected 1 to 200 characters without spaces, quotes or commas`);
    if (Number.isNaN(start)) throw traceError(file, n, `the start time '${text.slice(c1 + 1, c2).trim()}' is not a number of seconds`);
    if (Number.isNaN(end)) throw traceError(file, n, `the end time '${text.slice(c2 + 1, lineEnd).trim()}' is not a number of seconds`);
    if (start < 0) throw traceError(file, n, `the start time ${start} is negative: times are seconds from the start of the trace`);
    if (end < start) throw traceError(file, n, `the session ends (${end} s) before it starts (${start} s)`);
    if (start < previousStart) {
      throw traceError(file, n, `the rows are not sorted by start time: this session starts at ${start} s, before the one on line ${previousLine} (${previousStart} s); sort the file by its second column`);
    }
    previousStart = start;
    previousLine = n;
    list.push(list.peerIndex(id), start, end, n);
  }
  return buildTrace(list, 'csv');
}
