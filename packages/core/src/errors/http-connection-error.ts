import { TarashError, type TarashErrorOptions } from './tarash-error';

/** The request never got an HTTP answer: refused, reset, DNS failure, socket timeout. */
export class HTTPConnectionError extends TarashError {
  override readonly name: string = 'HTTPConnectionError';
  /** System error code where known, e.g. `ECONNREFUSED`, `ECONNRESET`. */
  readonly code?: string;

  constructor(options: TarashErrorOptions & { readonly code?: string }) {
    super(options, true);
    if (options.code !== undefined) this.code = options.code;
  }
}
