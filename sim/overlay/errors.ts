/**
 * The error overlay generators throw when the scenario asks for an impossible overlay
 * (odd n·k for a regular graph, a degree not below the peer count...). The message starts
 * with the model's name; the runner reports it as bad input (exit code 2).
 */
export class OverlayParameterError extends Error {
  constructor(model: string, message: string) {
    super(`${model}: ${message}`);
    this.name = 'OverlayParameterError';
  }
}
