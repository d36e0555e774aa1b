/**
 * What produced a results file: gossipsim's version, the JavaScript engine and platform,
 * and a SHA-256 of the resolved scenario. Works in Node and in a browser (no node: modules).
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { GOSSIPSIM_VERSION } from '../version.js';

export interface Provenance {
  gossipsim: string;
  /**
   * E.g. { name: 'node', version: '20.20.2', v8: '11.3.244.8-node.33' } or { name: 'chromium', version: '156.0.0.0' }
   * (a browser's user agent may give only its major version).
   */
  engine: { name: string; version: string; v8?: string };
  /** E.g. 'linux-x64' (Node) or the browser's navigator.platform. */
  platform: string;
  /** 'sha256:' and the hex digest of the scenario as canonical JSON (keys sorted). */
  scenarioHash: string;
}

/** Provenance keys that name the machine, not the results: left out of byte-for-byte comparisons. */
export const MACHINE_PROVENANCE_KEYS = ['engine', 'platform', 'parts'] as const;

/** JSON with every object's keys sorted, so equal scenarios hash equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

export function scenarioHash(scenario: unknown): string {
  return `sha256:${bytesToHex(sha256(utf8ToBytes(canonicalJson(scenario))))}`;
}

export interface RuntimeGlobals {
  process?: { versions?: Record<string, string | undefined>; platform?: string; arch?: string };
  navigator?: { userAgent?: string; platform?: string };
}

/** The engine running this code and its platform (`g`: the global object, replaceable in tests). */
export function runtimeInfo(g: RuntimeGlobals = globalThis as RuntimeGlobals): Pick<Provenance, 'engine' | 'platform'> {
  const versions = g.process?.versions;
  if (versions?.node) {
    const name = versions.bun ? 'bun' : versions.deno ? 'deno' : 'node';
    const engine: Provenance['engine'] = { name, version: versions[name] ?? versions.node };
    if (versions.v8) engine.v8 = versions.v8;
    return { engine, platform: `${g.process?.platform ?? 'unknown'}-${g.process?.arch ?? 'unknown'}` };
  }
  const ua = g.navigator?.userAgent ?? '';
  // Most specific first: Edge and Opera also say "Chrome/", Chrome also says "Safari/".
  const browsers: Array<[string, RegExp]> = [['edge', /Edg\/([\d.]+)/], ['opera', /OPR\/([\d.]+)/], ['firefox', /Firefox\/([\d.]+)/],
    ['chromium', /(?:HeadlessChrome|Chrome|Chromium)\/([\d.]+)/], ['safari', /Version\/([\d.]+).*Safari\//]];
  for (const [name, re] of browsers) {
    const m = re.exec(ua);
    if (m) return { engine: { name, version: m[1] }, platform: g.navigator?.platform || 'unknown' };
  }
  return { engine: { name: 'unknown', version: ua }, platform: g.navigator?.platform || 'unknown' };
}

export function provenanceOf(scenario: unknown): Provenance {
  return { gossipsim: GOSSIPSIM_VERSION, ...runtimeInfo(), scenarioHash: scenarioHash(scenario) };
}
