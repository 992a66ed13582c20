import { TarashError, type TarashErrorOptions } from './tarash-error';

/** The provider refused the prompt or an input, or filtered the output. Never retried. */
export class ContentModerationError extends TarashError {
  override readonly name: string = 'ContentModerationError';

  constructor(options: Omit<TarashErrorOptions, 'isRetryable'>) {
    super({ ...options, isRetryable: false });
  }
}
