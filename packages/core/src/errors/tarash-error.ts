import type { ExecutionMetadata } from '../types/execution-metadata';
import type { ErrorPhase } from './error-phase';

/** Constructor options shared by every Tarash error. */
export interface TarashErrorOptions {
  readonly message: string;
  readonly provider: string;
  readonly model: string;
  readonly requestId?: string;
  readonly rawResponse?: unknown;
  /** Overrides the class default. */
  readonly isRetryable?: boolean;
  readonly phase?: ErrorPhase;
  /**
   * Whether the provider may have accepted (and may bill) a job although no job id reached us,
   * e.g. a connection reset after the submit body was sent. Such a submit is never repeated.
   */
  readonly jobMayExist?: boolean;
  /**
   * False when trying this provider again cannot help although the next config of the chain
   * might (exhausted quota, a retired endpoint): the orchestrator falls back without retrying.
   */
  readonly retrySameProvider?: boolean;
  readonly cause?: unknown;
}

/**
 * Base class of every error this SDK throws. Carries the provider and model, the provider's
 * request id and raw response when known, and a stable `isRetryable`: whether trying again
 * (the same provider after backoff, or the next config of the chain) can help.
 */
export class TarashError extends Error {
  override readonly name: string = 'TarashError';
  readonly provider: string;
  readonly model: string;
  readonly requestId?: string;
  readonly rawResponse?: unknown;
  readonly isRetryable: boolean;
  readonly phase?: ErrorPhase;
  readonly jobMayExist: boolean;
  /** See {@link TarashErrorOptions.retrySameProvider}; true unless the provider said otherwise. */
  readonly retrySameProvider: boolean;
  /** The audit trail of the chain, attached when the error leaves `generateVideo` and friends. */
  readonly executionMetadata?: ExecutionMetadata;

  constructor(options: TarashErrorOptions, defaultRetryable = false) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.provider = options.provider;
    this.model = options.model;
    if (options.requestId !== undefined) this.requestId = options.requestId;
    if (options.rawResponse !== undefined) this.rawResponse = options.rawResponse;
    this.isRetryable = options.isRetryable ?? defaultRetryable;
    if (options.phase !== undefined) this.phase = options.phase;
    this.jobMayExist = options.jobMayExist ?? false;
    this.retrySameProvider = options.retrySameProvider ?? true;
  }

  /** Plain-object form for logs and `JSON.stringify` (no stack, no secrets). */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {
      name: this.name,
      message: this.message,
      provider: this.provider,
      model: this.model,
      isRetryable: this.isRetryable,
    };
    for (const key of ['requestId', 'phase', 'rawResponse', 'executionMetadata'] as const) {
      if (this[key] !== undefined) out[key] = this[key];
    }
    return out;
  }
}
