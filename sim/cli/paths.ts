/** File names the CLI derives (report paths); the package root lives in io/package-root.ts. */
export { packageRoot } from '../io/package-root.js';

/** A file-name-safe version of a scenario name: "Flooding vs RW" -> "flooding-vs-rw". */
export function slug(name: string): string {
  const s = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80);
  return s || 'report';
}
