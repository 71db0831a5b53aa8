// The one error type of the pure domain. `code` is stable (the API maps it to an HTTP status and clients
// may branch on it); `message` is plain English for people; `details` carries the facts behind it.

export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
