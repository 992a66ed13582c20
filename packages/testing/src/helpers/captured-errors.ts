/** A class of errors, e.g. `ValidationError`. */
export type ErrorClass<E> = abstract new (...args: never[]) => E;

function expectType<E>(error: unknown, type: ErrorClass<E> | undefined): E {
  if (type && !(error instanceof type)) throw error;
  return error as E;
}

/**
 * The error `promise` rejects with, for assertions; fails when it resolves, or (with `type`)
 * rethrows an error of another class so the test shows the real failure.
 */
export async function rejectionOf<E = Error>(promise: Promise<unknown>, type?: ErrorClass<E>): Promise<E> {
  try {
    await promise;
  } catch (error) {
    return expectType(error, type);
  }
  throw new Error(`expected a rejection${type ? ` with ${type.name}` : ''}, but the promise resolved`);
}

/** The error `run` throws, for assertions; fails when it returns, or rethrows an error of another class. */
export function thrownBy<E = Error>(run: () => unknown, type?: ErrorClass<E>): E {
  try {
    run();
  } catch (error) {
    return expectType(error, type);
  }
  throw new Error(`expected ${type ? `a ${type.name}` : 'an error'} to be thrown, but the call returned`);
}
