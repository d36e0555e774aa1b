/**
 * The scenario reference in markdown (units, distributions, then one table per section:
 * key path, type, default, description), generated from the schema for docs/scenario-reference.md.
 */
import { twoTo } from '../math/two-to.js';
import type { Dist, DistNode, Fields, Node, StringNode } from './dsl.js';
import { scenarioSchema } from './schema.js';
import { distSpecs } from './dist-params.js';
import { formatQuantity, unitTables } from './units.js';
import { constantRange, describeNumber } from './validate.js';
import {
  MAX_ALIASES, MAX_CHUNKS, MAX_DESCRIPTION_LENGTH, MAX_FILE_BYTES, MAX_INITIAL_PEERS, MAX_NAME_LENGTH, MAX_QUERIES,
  MAX_RUMOURS, MAX_SAMPLES,
} from './limits.js';
import { MAX_DEPTH, MAX_EXPANDED_NODES } from './structure.js';
import { grouped } from '../text/group-digits.js';

/** Markdown for the whole reference (no trailing blank line). */
export function referenceMarkdown(): string {
  const out: string[] = [];
  out.push('<!-- Generated from sim/scenario/schema.ts by `npm run schema`; do not edit by hand. -->', '');
  out.push('Every key is optional unless marked **required**; an absent key takes its default.');
  out.push('`gossipsim validate <file>` checks a scenario; `--set key.path=value` overrides any key.', '');
  out.push(...unitsSection(), '', ...distributionsSection(), '', ...limitsSection(), '');

  const fields = scenarioSchema.fields as Fields;
  const general = Object.entries(fields).filter(([, n]) => !isSection(n));
  out.push('### Top-level keys', '', ...table(general.flatMap(([key, node]) => rows(node, key))));
  for (const [key, node] of Object.entries(fields)) {
    if (!isSection(node)) continue;
    out.push('', `### \`${key}\``, '', `${sectionNote(node)}${node.doc}`, '');
    out.push(...table(sectionRows(node, key)));
  }
  return out.join('\n');
}

function isSection(node: Node): boolean {
  if (node.kind === 'optional') return isSection(node.inner as Node);
  if (node.kind === 'list') return isSection(node.item as Node);
  return node.kind === 'object';
}

function sectionNote(node: Node): string {
  if (node.kind === 'optional') return 'Optional section: absent (or `null`) means off. ';
  if (node.kind === 'list') return `A list of items${node.single ? ' (one item may be written without the list)' : ''}. `;
  return '';
}

/** Rows below a section heading: its own keys and those of nested sections. */
function sectionRows(node: Node, path: string): string[][] {
  if (node.kind === 'optional') return sectionRows(node.inner as Node, path);
  if (node.kind === 'list') {
    const item = node.item as Node;
    return isSection(item) ? sectionRows(item, `${path}[]`) : rows(item, `${path}[]`);
  }
  if (node.kind !== 'object') return rows(node, path);
  return Object.entries(node.fields as Fields).flatMap(([key, child]) => rows(child, `${path}.${key}`));
}

/** One row for the node, then rows for what is nested in it. */
function rows(node: Node, path: string): string[][] {
  const own = [`\`${path}\``, typeText(node), defaultText(node), cell(node.doc)];
  if (node.kind === 'object' || node.kind === 'optional' || node.kind === 'list') {
    return [own, ...sectionRows(node, path)];
  }
  return [own];
}

function table(body: string[][]): string[] {
  return ['| Key | Type | Default | Description |', '| --- | --- | --- | --- |', ...body.map((r) => `| ${r.join(' | ')} |`)];
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function typeText(node: Node): string {
  switch (node.kind) {
    case 'number': return cell(describeNumber(node).replace(/^an? /, ''));
    case 'string': return stringType(node);
    case 'boolean': return '`true` \\| `false`';
    case 'enum': return node.values.map((v) => `\`${v}\``).join(' \\| ');
    case 'choice': return `${node.literals.map((v) => `\`${v}\``).join(' \\| ')} \\| ${cell(describeNumber(node.number).replace(/^an? /, ''))}`;
    case 'distribution': return distributionType(node);
    case 'object': return 'section';
    case 'optional': return 'optional section';
    case 'list': return `${node.single ? 'list (or one item)' : 'list'}${node.maxItems !== undefined ? ` of at most ${node.maxItems} items` : ''}`;
  }
}

function stringType(node: StringNode): string {
  const parts: string[] = [];
  if (node.minLength) parts.push('non-empty');
  if (node.maxLength !== undefined) parts.push(`at most ${grouped(node.maxLength)} characters`);
  return parts.length ? `text (${parts.join(', ')})` : 'text';
}

function distributionType(node: DistNode): string {
  const of = node.unit === 'none' ? (node.allowed.includes('zipf') ? 'ranks' : 'numbers') : `${unitTables[node.unit].noun.replace(/^an? /, '')}s`;
  const range = constantRange(node);
  return `distribution of ${of} ${cell(describeNumber(range).replace(/^an? \S+ /, ''))}`;
}

function defaultText(node: Node): string {
  if (node.kind === 'object') return '';
  if (node.kind === 'optional') return 'off';
  if (node.default === undefined) return '**required**';
  const d = node.default as unknown;
  switch (node.kind) {
    case 'number': return `\`${formatQuantity(node.unit, d as number)}\``;
    case 'distribution': return `\`${distText(d as Dist, node)}\``;
    case 'string': return d === '' ? '`""`' : `\`${String(d)}\``;
    case 'list': return (d as unknown[]).length === 0 ? 'none' : `\`${JSON.stringify(d)}\``;
    case 'choice': return `\`${typeof d === 'number' ? formatQuantity(node.number.unit, d) : String(d)}\``;
    default: return `\`${String(d)}\``;
  }
}

/** A resolved distribution written back in the field's units: `{ dist: exponential, mean: 1h }`. */
export function distText(dist: Dist, node: Pick<DistNode, 'unit'>): string {
  const spec = distSpecs[dist.dist];
  const values = dist as unknown as Record<string, number>;
  const show = (name: string, unit: 'field' | 'none') => formatQuantity(unit === 'field' ? node.unit : 'none', values[name]);
  if (dist.dist === 'constant') return show('value', 'field');
  return `{ dist: ${dist.dist}, ${spec.params.map((p) => `${p.name}: ${show(p.name, p.unit)}`).join(', ')} }`;
}

function unitsSection(): string[] {
  const lines = ['### Units', '', '| Kind | Bare number | Units | Examples |', '| --- | --- | --- | --- |'];
  for (const table of Object.values(unitTables)) {
    const units = table.suffixes.map((s) => `\`${s.name}\``).join(', ');
    const examples = table.examples.split(', ').map((e) => `\`${e}\``).join(', ');
    lines.push(`| ${table.noun.replace(/^an? /, '')} | ${table.bare} | ${units} | ${examples} |`);
  }
  lines.push('', 'Sizes with kB, MB, GB, TB are powers of 1000 and KiB, MiB, GiB, TiB powers of 1024;');
  lines.push('bandwidths in bps, kbps, Mbps, Gbps count bits (10Mbps = 1.25 MB/s), B/s and its multiples bytes.');
  return lines;
}

function distributionsSection(): string[] {
  const lines = [
    '### Distributions', '',
    'A distribution is a constant (a number or a string with a unit, e.g. `50ms`) or a mapping',
    '`{ dist: NAME, ...parameters }`. Parameters other than shapes, `sigma` and `exponent` are written',
    'in the unit of the key (durations for a latency, bandwidths for an upload speed).', '',
    '| dist | Parameters | Meaning | Example |', '| --- | --- | --- | --- |',
  ];
  for (const [name, spec] of Object.entries(distSpecs)) {
    const params = spec.params.map((p) => `\`${p.name}\`: ${cell(p.doc)}`).join('<br>');
    lines.push(`| \`${name}\` | ${params} | ${cell(spec.doc)} | \`${spec.example}\` |`);
  }
  lines.push('', '`zipf` is only allowed for `data.popularity`, a distribution over item ranks (rank 1 the most');
  lines.push('popular). Any other distribution there gives rank ⌊x⌋ + 1 of a draw x, clamped to 1..`data.objects`.');
  return lines;
}

/** The limits on a file as a whole and on combinations of keys (each key's own range is in its row). */
function limitsSection(): string[] {
  return [
    '### Limits', '',
    'Every number has a finite range, shown in its row with the reason where it is not obvious.',
    'A file as a whole, and some combinations of keys, have limits of their own; each is refused',
    'by `gossipsim validate` (exit 2) with a message naming the file and, where they exist, the key path and line:column:', '',
    `- a scenario file of at most ${MAX_FILE_BYTES / twoTo(20)} MiB; \`name\` at most ${MAX_NAME_LENGTH} characters, \`description\` at most ${grouped(MAX_DESCRIPTION_LENGTH)};`,
    `- YAML nested at most ${MAX_DEPTH} levels deep, at most ${MAX_ALIASES} aliases (\`*name\`), expanding to at most ${grouped(MAX_EXPANDED_NODES)} values`,
    '  (a file of nested anchors that grows exponentially, a "billion laughs", is refused before it is expanded),',
    '  and keys that are plain text (no `? [a, b]` complex keys);',
    `- \`peers.count\` × \`overlay.degree\` below 2^31; \`peers.count\` + \`churn.arrivals\` × \`duration\` at most ${grouped(MAX_INITIAL_PEERS)};`,
    `- a broadcast's \`fanout\` at most \`peers.count\`; at most ${grouped(MAX_RUMOURS)} rumours (the sum of the broadcasts' \`count\`);`,
    `- at most ${grouped(MAX_QUERIES)} queries in all the searches (a \`rate\` counts rate × the time from its \`start\` to the end);`,
    `- \`duration\` / \`metrics.sample\` at most ${grouped(MAX_SAMPLES)} samples; \`capacity.file\` / \`capacity.chunk\` at most ${grouped(MAX_CHUNKS)} chunks (p2p);`,
    '- `data.objects` × (`data.replication.ratio` × `peers.count` + 1) below 2^31.',
  ];
}
