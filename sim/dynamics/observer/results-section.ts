/** The observer's section of the results file (`dynamics`). */

/** What the observer of a changing overlay counted (churn, failures or peer sampling). */
export interface DynamicsResults {
  /** Samples between two largest-component measurements. */
  largestComponentEvery: number;
  walks: number;
  walkLinks: number;
  walksLost: number;
  walksRefused: number;
}

export interface DynamicsSections { dynamics: DynamicsResults }

declare module '../../run/results.js' {
  interface FamilyResults extends Partial<DynamicsSections> {}
}
