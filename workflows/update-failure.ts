// How every workflow answers an Update a rule refused: the rule's DomainError as the Update's failure,
// its code the failure type the API maps to HTTP; anything else as it is.
import { ApplicationFailure } from '@temporalio/workflow';
import { isDomainError } from '../domain/errors.ts';

export function toFailure(error: unknown): unknown {
  if (!isDomainError(error)) return error;
  return ApplicationFailure.create({
    type: error.code,
    message: error.message,
    details: [error.details ?? {}],
    nonRetryable: true,
  });
}
