import { TarashError, type TarashErrorOptions } from './tarash-error';

/** Whether an HTTP status is worth retrying: 408, 409, 429 and 5xx. */
export function isRetryableStatus(statusCode: number): boolean {
  return statusCode === 408 || statusCode === 409 || statusCode === 429 || statusCode >= 500;
}

/** The provider answered with an HTTP error status. */
export class HTTPError extends TarashError {
  override readonly name: string = 'HTTPError';
  readonly statusCode: number;
  /** Delay the provider asked for (`retry-after-ms` / `Retry-After`), in milliseconds. */
  readonly retryAfterMs?: number;

  constructor(options: TarashErrorOptions & { readonly statusCode: number; readonly retryAfterMs?: number }) {
    super(options, isRetryableStatus(options.statusCode));
    this.statusCode = options.statusCode;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), statusCode: this.statusCode, retryAfterMs: this.retryAfterMs };
  }
}
