import type { ExecutionMetadata } from '../types/execution-metadata';
import { TarashError } from './tarash-error';

/** Every config of the chain failed with a retryable error. Carries each error and the audit trail. */
export class AllProvidersFailedError extends TarashError {
  override readonly name: string = 'AllProvidersFailedError';
  /** One error per config tried, in chain order. */
  readonly errors: readonly TarashError[];
  override readonly executionMetadata: ExecutionMetadata;

  constructor(errors: readonly TarashError[], executionMetadata: ExecutionMetadata) {
    const last = errors[errors.length - 1];
    const summary = errors.map((e) => `${e.provider} ${e.model}: ${e.name}: ${e.message}`).join(' | ');
    super(
      {
        message: `All ${errors.length} provider config(s) failed. ${summary}`,
        provider: last?.provider ?? 'unknown',
        model: last?.model ?? 'unknown',
        ...(last?.requestId !== undefined ? { requestId: last.requestId } : {}),
        cause: last,
      },
      errors.length > 0 && errors.every((e) => e.isRetryable),
    );
    this.errors = errors;
    this.executionMetadata = executionMetadata;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), errors: this.errors.map((e) => e.toJSON()) };
  }
}
