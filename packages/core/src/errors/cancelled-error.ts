import { TarashError, type TarashErrorOptions } from './tarash-error';

/** The caller aborted (through `signal`). The provider job was cancelled first. Never retried. */
export class CancelledError extends TarashError {
  override readonly name: string = 'CancelledError';

  constructor(options: Omit<TarashErrorOptions, 'isRetryable'>) {
    super({ ...options, isRetryable: false });
  }
}
