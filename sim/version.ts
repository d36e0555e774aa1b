/** gossipsim's version, as in package.json (test/run/provenance.test.ts keeps the two equal); no file read, so it also works in a browser. */
export const GOSSIPSIM_VERSION = '0.2.0';
