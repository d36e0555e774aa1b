/**
 * The Failure Trace Archive's event trace table (Kondo et al., "The Failure Trace Archive",
 * CCGrid 2010, and the FTA format description at fta.scem.uws.edu.au): tab-separated, one
 * availability event per line, in the order of its columns
 *   event_id, component_id, node_id, platform_id, node_name, event_type,
 *   event_start_time, event_stop_time[, event_end_reason]
 * with event_type 1 = available (up), 0 = unavailable (down) and times in seconds (Unix
 * time). We read node_id (the peer), event_type, event_start_time and event_stop_time; an
 * up event is a session. Files are ordered by node, so the sessions are sorted on load, and
 * times are shifted so the earliest event starts at 0.
 */
import { forEachLine, isSkipped, parseNumber } from './lines.js';
import { SessionList, buildTrace, traceError, type Trace } from './trace.js';

export const FTA_COLUMNS = ['event_id', 'component_id', 'node_id', 'platform_id', 'node_name',
  'event_type', 'event_start_time', 'event_stop_time', 'event_end_reason'] as const;

export function parseFtaTrace(text: string, file: string): Trace {
  const list = new SessionList(file);
  let seenData = false, origin = Infinity;
  forEachLine(text, (line, n) => {
    if (isSkipped(line)) return;
    const fields = line.includes('\t') ? line.split('\t') : line.trim().split(/\s+/);
    if (!seenData && fields[0].trim() === 'event_id') { seenData = true; return; } // the header
    seenData = true;
    if (fields.length !== 8 && fields.length !== 9) {
      throw traceError(file, n, `expected 8 or 9 tab-separated columns (${FTA_COLUMNS.join(', ')}; the last optional), got ${fields.length}`);
    }
    const nodeId = fields[2].trim();
    if (!/^\d+$/.test(nodeId)) throw traceError(file, n, `the node_id '${nodeId}' (column 3) is not a known id: expected a non-negative integer`);
    const type = fields[5].trim();
    if (type !== '0' && type !== '1') throw traceError(file, n, `the event_type '${type}' (column 6) is unknown: expected 1 (available) or 0 (unavailable)`);
    const start = parseNumber(fields[6]), end = parseNumber(fields[7]);
    if (Number.isNaN(start)) throw traceError(file, n, `the event_start_time '${fields[6].trim()}' (column 7) is not a number of seconds`);
    if (Number.isNaN(end)) throw traceError(file, n, `the event_stop_time '${fields[7].trim()}' (column 8) is not a number of seconds`);
    if (start < 0) throw traceError(file, n, `the event_start_time ${start} is negative`);
    if (end < start) throw traceError(file, n, `the event ends (${end}) before it starts (${start})`);
    if (start < origin) origin = start;
    if (type === '1') list.push(list.peerIndex(nodeId), start, end, n);
  });
  if (origin !== Infinity && origin > 0) {
    for (let i = 0; i < list.length; i++) { list.start[i] -= origin; list.end[i] -= origin; }
  }
  return buildTrace(list, 'fta', origin === Infinity ? 0 : origin);
}
