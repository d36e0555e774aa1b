/**
 * Errors the CLI turns into exit codes: bad input (exit 2, one paragraph, no stack) and
 * everything else (exit 1, internal error). UsageError lives in io/ so that lower layers
 * (io/, sweep/) can throw it without importing the CLI.
 */
export { UsageError } from '../io/usage-error.js';
