/**
 * Typings for seedrandom's Alea generator on its own (`seedrandom/lib/alea.js`): importing
 * it alone spares loading seedrandom's other generators and Node's crypto module (which
 * seedrandom's entry loads for auto-seeding, never used here) in every thread.
 */
declare module 'seedrandom/lib/alea.js' {
  import type seedrandom from 'seedrandom';
  const alea: (seed?: string) => seedrandom.PRNG;
  export default alea;
}
