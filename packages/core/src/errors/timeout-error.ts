import { TarashError, type TarashErrorOptions } from './tarash-error';

/** The config's whole-job deadline (`timeoutMs`) passed. The provider job was cancelled first. */
export class TimeoutError extends TarashError {
  override readonly name: string = 'TimeoutError';
  readonly timeoutMs: number;

  constructor(options: TarashErrorOptions & { readonly timeoutMs: number }) {
    super(options, true);
    this.timeoutMs = options.timeoutMs;
  }
}
