// What a rule of domain/ refused, for the given/when/then tests: the code, field and message of the
// DomainError a call throws.
import { DomainError } from '../../domain/errors.ts';

/** The DomainError `run` throws; anything else it throws is thrown on, and throwing nothing fails. */
export function domainFailure(run: () => unknown): { code: string; field: unknown; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError)
      return { code: error.code, field: error.details?.field, message: error.message };
    throw error;
  }
  throw new Error('expected a DomainError');
}

/** Only the code; 'not a DomainError' or 'no error' when `run` throws something else or nothing. */
export function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a DomainError';
  }
  return 'no error';
}
