import { AllProvidersFailedError } from '../errors/all-providers-failed-error';
import { TarashError } from '../errors/tarash-error';
import type { PreparedRequest } from '../provider/prepared-request';
import type { Logger } from '../runtime/logger';
import type { Redactor } from '../security/redactor';
import type { ExecutionMetadata } from '../types/execution-metadata';
import type { ChainEntry } from './chain-entry';
import type { ProgressCallback } from './generation-options';
import { MetadataRecorder, type AttemptOutcome } from './metadata-recorder';
import { progressEmitter } from './progress-reporter';
import { AttemptFailure, type SnapshotEmitter } from './run-attempt';

/** Attaches the audit trail to an error leaving the SDK. */
export function attachMetadata<E>(error: E, metadata: ExecutionMetadata): E {
  if (error instanceof TarashError) {
    Object.defineProperty(error, 'executionMetadata', { value: metadata, enumerable: true, configurable: true, writable: false });
  }
  return error;
}

/** Runs one entry; resolves with its value, rejects with an `AttemptFailure`. `emit` is absent when nobody listens for progress. */
export type EntryRunner<TRequest, TResult, TValue> = (
  entry: ChainEntry<TRequest, TResult>,
  prepared: PreparedRequest,
  emit: SnapshotEmitter | undefined,
) => Promise<{ value: TValue; outcome: AttemptOutcome }>;

/** Inputs of {@link runChain}. */
export interface ChainRun<TRequest, TResult, TValue, TResponse> {
  readonly entries: readonly ChainEntry<TRequest, TResult>[];
  readonly prepared: readonly PreparedRequest[];
  readonly redactor: Redactor;
  /** Absent when the caller gave none: log events are then not built at all. */
  readonly logger: Logger | undefined;
  readonly onProgress: ProgressCallback<TResponse> | undefined;
  readonly run: EntryRunner<TRequest, TResult, TValue>;
  /** Builds what the caller gets from the winning entry's value and the final metadata. */
  readonly finish: (value: TValue, entry: ChainEntry<TRequest, TResult>, prepared: PreparedRequest, metadata: ExecutionMetadata) => TResponse;
}

/**
 * Tries the configs in order. A retryable failure moves on to the next config; a
 * non-retryable one (validation, auth, moderation, caller abort) stops the chain at once.
 * Every error that leaves carries the execution metadata; when the chain is exhausted the
 * error is an `AllProvidersFailedError` holding each attempt's error.
 */
export async function runChain<TRequest, TResult, TValue, TResponse>(run: ChainRun<TRequest, TResult, TValue, TResponse>): Promise<TResponse> {
  const recorder = new MetadataRecorder(run.entries.length);
  const errors: TarashError[] = [];
  for (const [index, entry] of run.entries.entries()) {
    const target = targetOf(entry);
    const prepared = run.prepared[index] as PreparedRequest;
    const emit = run.onProgress && progressEmitter(run.onProgress, { attempt: entry.attemptNumber, provider: target.provider, model: target.model }, run.redactor);
    const started = Date.now();
    run.logger?.({ level: 'info', message: `attempt ${entry.attemptNumber}/${run.entries.length}${entry.isMock ? ' (mock)' : ''}`, provider: target.provider, model: target.model, attempt: entry.attemptNumber });
    let settled: { value: TValue; outcome: AttemptOutcome };
    try {
      settled = await run.run(entry, prepared, emit);
    } catch (failure) {
      if (!(failure instanceof AttemptFailure)) throw failure;
      if (!(failure.error instanceof TarashError)) {
        // The caller's own progress callback threw: hand its error back untouched.
        skipRemaining(recorder, run.entries, index + 1);
        throw failure.error;
      }
      const error = run.redactor.redact(failure.error);
      recorder.failure(target, started, failure.outcome, error);
      errors.push(error);
      run.logger?.({ level: 'warn', message: `attempt failed: ${error.name}: ${error.message}`, provider: target.provider, model: target.model, attempt: entry.attemptNumber, ...(error.requestId ? { requestId: error.requestId } : {}) });
      if (run.onProgress) {
        await run.onProgress({ requestId: error.requestId ?? '', status: 'failed', attempt: entry.attemptNumber, provider: target.provider, model: target.model, error });
      }
      if (!error.isRetryable) {
        skipRemaining(recorder, run.entries, index + 1);
        throw attachMetadata(error, recorder.snapshot());
      }
      continue;
    }
    recorder.success(target, started, settled.outcome);
    const response = run.finish(settled.value, entry, prepared, recorder.snapshot());
    return response;
  }
  throw new AllProvidersFailedError(errors, recorder.snapshot());
}

/** Records the configs after `from` as skipped: the chain stopped before them. */
function skipRemaining(recorder: MetadataRecorder, entries: readonly ChainEntry<unknown, unknown>[], from: number): void {
  for (const entry of entries.slice(from)) recorder.skipped(targetOf(entry));
}

function targetOf(entry: ChainEntry<unknown, unknown>): { provider: string; model: string; attemptNumber: number } {
  return { provider: entry.config.provider, model: entry.config.model, attemptNumber: entry.attemptNumber };
}
