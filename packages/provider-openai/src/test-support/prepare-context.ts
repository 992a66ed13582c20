import { ValidationError, type Modality, type PrepareContext } from '@tarash/core';

/** The error a promise rejects with; fails the test when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

/** The `ValidationError` a call throws; fails the test on any other outcome. */
export function validationError(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

/** A `prepare` context for the `openai` provider. */
export function prepareContext(model: string, modality: Modality, extra: Partial<PrepareContext> = {}): PrepareContext {
  return { provider: 'openai', model, modality, providerConfig: {}, strict: false, ...extra };
}
