/**
 * Regenerates what the scenario schema publishes: scenarios/scenario.schema.json, the scenario
 * reference (docs/scenario-reference.md) and the README's lessons table, each between its markers.
 * `--check` only reports staleness.
 *
 *   npm run schema                       # write both
 *   node dist/scripts/gen-docs.js --check  # exit 1 when either is out of date
 */
import { existsSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { scenarioSchema } from '../sim/scenario/schema.js';
import { toJsonSchema } from '../sim/scenario/json-schema.js';
import { referenceMarkdown } from '../sim/scenario/docs.js';
import { bundledScenarios } from '../sim/cli/commands/list.js';

export const START_MARKER = '<!-- scenario-reference:start -->';
export const END_MARKER = '<!-- scenario-reference:end -->';
export const SCHEMA_FILE = 'scenarios/scenario.schema.json';
export const README_FILE = 'README.md';
export const REFERENCE_FILE = 'docs/scenario-reference.md';

/** What docs/scenario-reference.md says above the generated block when it is first written. */
const REFERENCE_INTRO = `# Scenario reference

Generated from the schema (\`sim/scenario/schema.ts\`), like \`scenarios/scenario.schema.json\`;
\`npm run schema\` regenerates both and a test fails when they are out of date. Add
\`# yaml-language-server: $schema=scenarios/scenario.schema.json\` (path relative to your file)
at the top of a scenario for autocompletion in editors.
`;

/** The JSON Schema file's exact text. */
export function schemaText(): string {
  return `${JSON.stringify(toJsonSchema(scenarioSchema), null, 2)}\n`;
}

/**
 * `readme` with the text between the markers replaced by `reference`; a README without the
 * markers gets them (and the reference) appended; no README at all is just the markers.
 */
export function withReference(readme: string | undefined, reference: string): string {
  const block = `${START_MARKER}\n${reference}\n${END_MARKER}`;
  if (readme === undefined) return `${block}\n`;
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (start < 0 || end < start) return `${readme}${readme.endsWith('\n') || readme === '' ? '' : '\n'}\n${block}\n`;
  return readme.slice(0, start) + block + readme.slice(end + END_MARKER.length);
}

export const LESSONS_START = '<!-- lessons:start -->';
export const LESSONS_END = '<!-- lessons:end -->';

/** The README's table of bundled lessons (file, title, first sentence), from the files. */
export function lessonsMarkdown(): string {
  const rows = bundledScenarios().filter((s) => s.lesson)
    .map((s) => `| [\`${s.path}\`](${s.path}) | ${s.name} | ${s.summary.replace(/\|/g, '\\|')} |`);
  return ['<!-- Generated from the lesson files by `npm run schema`; do not edit by hand. -->', '',
    '| Lesson | Title | What it teaches |', '| --- | --- | --- |', ...rows].join('\n');
}

/** `readme` with the text between the lessons markers replaced (unchanged without markers). */
export function withLessons(readme: string, lessons: string): string {
  const start = readme.indexOf(LESSONS_START);
  const end = readme.indexOf(LESSONS_END);
  if (start < 0 || end < start) return readme;
  return `${readme.slice(0, start)}${LESSONS_START}\n${lessons}\n${LESSONS_END}${readme.slice(end + LESSONS_END.length)}`;
}

export interface GeneratedFile {
  path: string;
  current: string | undefined;
  wanted: string;
}

/** Each generated file of the repository at `root`, as it is and as it should be. */
export function generatedFiles(root: string): GeneratedFile[] {
  const read = (path: string) => (existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : undefined);
  const readme = read(README_FILE);
  const reference = read(REFERENCE_FILE);
  const files: GeneratedFile[] = [
    { path: SCHEMA_FILE, current: read(SCHEMA_FILE), wanted: schemaText() },
    { path: REFERENCE_FILE, current: reference, wanted: withReference(reference ?? REFERENCE_INTRO, referenceMarkdown()) },
  ];
  if (readme !== undefined) files.push({ path: README_FILE, current: readme, wanted: withLessons(readme, lessonsMarkdown()) });
  return files;
}

/** Paths of the generated files that are out of date. */
export function staleFiles(root: string): string[] {
  return generatedFiles(root).filter((f) => f.current !== f.wanted).map((f) => f.path);
}

/** The repository root: the nearest folder above this script holding package.json. */
export function repositoryRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  let dir = resolve(from);
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('gen-docs: no package.json above the script');
    dir = parent;
  }
  return dir;
}

function main(argv: string[]): number {
  const root = repositoryRoot();
  if (argv.includes('--check')) {
    const stale = staleFiles(root);
    for (const path of stale) process.stderr.write(`${path} is out of date: run npm run schema\n`);
    return stale.length > 0 ? 1 : 0;
  }
  for (const file of generatedFiles(root)) {
    if (file.current === file.wanted) continue;
    const target = join(root, file.path);
    writeFileSync(`${target}.tmp`, file.wanted);
    renameSync(`${target}.tmp`, target);
    process.stdout.write(`wrote ${file.path}\n`);
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
