/**
 * A sandbox cannot start because something outside the studio is not ready: the Docker engine
 * or a container image. The runners know nothing of the Lambda API; its layer answers this as
 * ResourceNotReadyException, and the studio as UNAVAILABLE.
 */
export class SandboxNotReadyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SandboxNotReadyError';
  }
}
