/**
 * The plain session CSV: `peer,start,end` per line, times in seconds, rows in order of start
 * time; an optional header line, blank lines and `#` comment lines are skipped.
 */
import { forEachLine, isSkipped, parseNumber, validPeerId } from './lines.js';
import { SessionList, buildTrace, traceError, type Trace } from './trace.js';

export function parseCsvTrace(text: string, file: string): Trace {
  const list = new SessionList(file);
  let seenData = false, previousStart = -Infinity, previousLine = 0;
  forEachLine(text, (line, n) => {
    if (isSkipped(line)) return;
    const fields = line.split(',');
    if (fields.length !== 3) {
      throw traceError(file, n, `expected 3 columns (peer,start,end), got ${fields.length}`);
    }
    const [rawId, rawStart, rawEnd] = fields;
    const start = parseNumber(rawStart), end = parseNumber(rawEnd);
    if (!seenData && Number.isNaN(start) && Number.isNaN(end)) { seenData = true; return; } // the header
    seenData = true;
    const id = rawId.trim();
    if (!validPeerId(id)) throw traceError(file, n, `the peer id '${id}' is not valid: expected 1 to 200 characters without spaces, quotes or commas`);
    if (Number.isNaN(start)) throw traceError(file, n, `the start time '${rawStart.trim()}' is not a number of seconds`);
    if (Number.isNaN(end)) throw traceError(file, n, `the end time '${rawEnd.trim()}' is not a number of seconds`);
    if (start < 0) throw traceError(file, n, `the start time ${start} is negative: times are seconds from the start of the trace`);
    if (end < start) throw traceError(file, n, `the session ends (${end} s) before it starts (${start} s)`);
    if (start < previousStart) {
      throw traceError(file, n, `the rows are not sorted by start time: this session starts at ${start} s, before the one on line ${previousLine} (${previousStart} s); sort the file by its second column`);
    }
    previousStart = start;
    previousLine = n;
    list.push(list.peerIndex(id), start, end, n);
  });
  return buildTrace(list, 'csv');
}
