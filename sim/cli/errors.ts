/**
 * Errors the CLI turns into exit codes: bad input (exit 2, one paragraph, no stack) and
 * everything else (exit 1, internal error).
 */

/** A bad option or argument: printed as one paragraph, exit code 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
  format(): string {
    return this.message;
  }
}
