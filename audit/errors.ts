// Failures the audit tools report on purpose, each with a stable `code` (the CLI maps them to exit codes).
export type AuditErrorCode = 'not_found' | 'version_gap' | 'invalid_event' | 'bad_request';

export class AuditError extends Error {
  override readonly name = 'AuditError';
  constructor(
    readonly code: AuditErrorCode,
    message: string,
    readonly where?: { streamId: string; version: number },
  ) {
    super(message);
  }
}
