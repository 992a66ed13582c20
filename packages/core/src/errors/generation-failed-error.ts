import { TarashError, type TarashErrorOptions } from './tarash-error';

/** The provider ran the job and reports it failed (for a reason other than content policy). */
export class GenerationFailedError extends TarashError {
  override readonly name: string = 'GenerationFailedError';
  /** The provider's own error type / code, e.g. fal `error_type`. */
  readonly providerErrorType?: string;

  constructor(options: TarashErrorOptions & { readonly providerErrorType?: string }) {
    super(options, true);
    if (options.providerErrorType !== undefined) this.providerErrorType = options.providerErrorType;
  }
}
