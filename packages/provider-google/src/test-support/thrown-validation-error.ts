import { ValidationError } from '@tarash/core';

/** The `ValidationError` that `run` throws; fails the test when it throws nothing or something else. */
export function thrownValidationError(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}
