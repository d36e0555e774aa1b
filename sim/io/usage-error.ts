/**
 * Bad input a user can fix (an option, an argument, an output path, a results file): any
 * layer may throw it; the CLI prints it as one paragraph and exits with code 2.
 */
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
