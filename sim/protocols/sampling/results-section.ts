/** The peer-sampling family's section of the results file: the views and the overlay they make. */

export interface SamplingResults {
  protocol: 'cyclon' | 'newscast';
  exchanges: number;
  /** How many views hold each live peer. */
  inDegreeMean: number;
  inDegreeSd: number;
  inDegreeMin: number;
  inDegreeMax: number;
  /** Entries held over the room in the live peers' views. */
  viewFill: number;
  /** Fraction of view entries naming a peer that is down. */
  deadLinks: number;
  clustering: number;
  meanPathLength: number;
  pathLengthSources: number;
  pathLengthExact: boolean;
}

export interface SamplingSections {
  sampling: SamplingResults;
}

declare module '../../run/results.js' {
  interface FamilyResults extends Partial<SamplingSections> {}
}
