/** Turns bad-input errors into their one-paragraph message; anything else is internal. */
import { ScenarioError } from '../scenario/errors.js';
import { UsageError } from './errors.js';

export function describeBadInput(err: unknown): string | undefined {
  if (err instanceof ScenarioError) return err.format();
  if (err instanceof UsageError) return err.format();
  return undefined;
}
