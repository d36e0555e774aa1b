/** The ScenarioError a piece of scenario handling throws, for tests of the error messages. */
import { ScenarioError } from '../../sim/scenario/errors.js';

/** The one ScenarioError `fn` throws (fails the test when it throws nothing, or something else). */
export function errorOf(fn: () => unknown): ScenarioError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
  throw new Error('expected a ScenarioError, nothing was thrown');
}
