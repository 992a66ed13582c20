import { CancelledError } from '../errors/cancelled-error';
import { GenerationFailedError } from '../errors/generation-failed-error';
import { TarashError } from '../errors/tarash-error';
import { TimeoutError } from '../errors/timeout-error';
import type { CallContext } from '../provider/call-context';
import type { JobStatusSnapshot, SnapshotListener, StartedJob } from '../provider/job-status-snapshot';
import type { PreparedRequest } from '../provider/prepared-request';
import type { ProviderJobMethods } from '../provider/provider-plugin';
import { retryAfterOf } from '../http/retry-after-of';
import { silentLogger, type Logger } from '../runtime/logger';
import type { Redactor } from '../security/redactor';
import { sleep } from '../runtime/sleep';
import type { FetchFunction } from '../types/generation-config';
import type { JobHandle } from '../types/job-handle';
import { AttemptAbort, AttemptScope } from './attempt-scope';
import { backoffDelay, pollDelay } from './backoff';
import type { ChainEntry } from './chain-entry';
import type { AttemptOutcome } from './metadata-recorder';

/** Reports a job snapshot to the caller (progress callback / stream); may throw the caller's error. */
export type SnapshotEmitter = (snapshot: JobStatusSnapshot, requestId: string) => Promise<void>;

/** Everything one config's run needs. */
export interface AttemptInput<TRequest, TResult> {
  readonly entry: ChainEntry<TRequest, TResult>;
  readonly prepared: PreparedRequest;
  readonly callerSignal: AbortSignal | undefined;
  /** Absent when nobody listens for progress: snapshots are then not turned into updates at all. */
  readonly emit: SnapshotEmitter | undefined;
  /** Absent when the caller gave no logger: log events are then not built at all. */
  readonly logger: Logger | undefined;
  readonly random: () => number;
  /** Redacts the chain's secrets; learns those a provider registers during the call. */
  readonly redactor: Redactor;
  /** Watch this existing job instead of submitting (resume); it is never resubmitted. */
  readonly resume?: JobHandle;
}

/** A config's run failed; carries what the audit trail needs. */
export class AttemptFailure extends Error {
  constructor(
    /** A `TarashError`, or the caller's own error when a progress callback threw. */
    readonly error: unknown,
    readonly outcome: AttemptOutcome,
  ) {
    super('attempt failed');
  }
}

/** Where the job of the current try stands; decides whether trying again could pay twice. */
type JobState = 'none' | 'live' | 'failed' | 'completed' | 'handed-over';

const isTerminal = (s: JobStatusSnapshot): boolean => s.status === 'completed' || s.status === 'failed' || s.status === 'cancelled';

const CANCEL_TIMEOUT_MS = 10_000;

/** What providers report snapshots to when nobody listens for progress. */
const ignoreSnapshot: SnapshotListener = () => undefined;

/** The platform `fetch`, looked up on every call (so that a polyfill or instrumentation installed later applies). */
const platformFetch: FetchFunction = (input, init) => globalThis.fetch(input, init);

/** Turns anything a provider threw into a `TarashError`; unexpected errors may have been billed. */
export function toTarashError(error: unknown, target: { provider: string; model: string }, requestId?: string): TarashError {
  if (error instanceof TarashError) return error;
  return new GenerationFailedError({
    provider: target.provider,
    model: target.model,
    message: `Unexpected error from ${target.provider}: ${error instanceof Error ? error.message : String(error)}`,
    cause: error,
    jobMayExist: true,
    ...(requestId !== undefined ? { requestId } : {}),
  });
}

/** Builds the call context of one config; secrets learnt during the call go to `redactor`. */
export function callContext(
  entry: ChainEntry<unknown, unknown>,
  scope: { signal: AbortSignal; deadline: number },
  logger: Logger | undefined,
  redactor: Redactor,
): CallContext {
  const { config } = entry;
  return {
    provider: config.provider,
    model: config.model,
    modality: entry.modality,
    apiKey: entry.apiKey,
    baseUrl: config.baseUrl,
    providerConfig: config.providerConfig ?? {},
    webhookUrl: config.webhookUrl,
    pollIntervalMs: entry.pollIntervalMs,
    fetch: config.fetch ?? platformFetch,
    signal: scope.signal,
    deadline: scope.deadline,
    logger: logger ?? silentLogger,
    registerSecret: (secret) => redactor.add(secret),
    config,
  };
}

/**
 * Runs one config of the chain: submit (retried only while no job can exist), wait for the
 * job (SSE or polling; transient failures retried against the same job), fetch the result.
 * A job that failed at the provider is resubmitted within `maxRetries`; a job left running
 * for any reason (deadline, abort, an error while watching it) is cancelled at the provider
 * first. With `mode: 'start'` it returns as soon as the provider accepted the job.
 */
export async function runAttempt<TRequest, TResult>(input: AttemptInput<TRequest, TResult>, mode: 'complete'): Promise<{ value: TResult; outcome: AttemptOutcome }>;
export async function runAttempt<TRequest, TResult>(input: AttemptInput<TRequest, TResult>, mode: 'start'): Promise<{ value: StartedJob<TResult>; outcome: AttemptOutcome }>;
export async function runAttempt<TRequest, TResult>(
  input: AttemptInput<TRequest, TResult>,
  mode: 'complete' | 'start',
): Promise<{ value: TResult | StartedJob<TResult>; outcome: AttemptOutcome }> {
  const { entry, prepared, logger } = input;
  const { provider, model } = entry.config;
  const scope = new AttemptScope(entry.timeoutMs, input.callerSignal);
  const context = callContext(entry as ChainEntry<unknown, unknown>, scope, logger, input.redactor);
  const callerEmit = input.emit;
  // A progress callback that throws aborts the attempt, so that its job is cancelled.
  const emit: SnapshotEmitter | undefined =
    callerEmit &&
    (async (snapshot, requestId) => {
      try {
        await callerEmit(snapshot, requestId);
      } catch (error) {
        scope.abort('callback', error);
        throw error;
      }
    });
  let retries = 0;
  let handle: JobHandle | undefined;
  let jobState = 'none' as JobState;
  let cancelled: boolean | undefined;

  const outcome = (): AttemptOutcome => ({
    retries,
    ...(handle ? { requestId: handle.requestId } : {}),
    ...(cancelled !== undefined ? { cancelled } : {}),
  });

  const cancelLiveJob = async (jobs: ProviderJobMethods<TResult> | undefined): Promise<void> => {
    if (jobState !== 'live' || !handle) return;
    if (!jobs?.cancel) {
      cancelled = false;
      logger?.({ level: 'warn', message: 'provider has no cancel; job left running', provider, model, requestId: handle.requestId });
      return;
    }
    try {
      const result = await jobs.cancel(handle, { ...context, signal: AbortSignal.timeout(CANCEL_TIMEOUT_MS) });
      cancelled = result.cancelled;
      logger?.({ level: result.cancelled ? 'info' : 'warn', message: result.cancelled ? 'job cancelled' : `cancel refused: ${result.reason ?? 'unknown'}`, provider, model, requestId: handle.requestId });
    } catch (error) {
      cancelled = false;
      logger?.({ level: 'warn', message: `cancel failed: ${error instanceof Error ? error.message : String(error)}`, provider, model, requestId: handle.requestId });
    }
  };

  const once = async (): Promise<TResult | StartedJob<TResult>> => {
    handle = undefined;
    jobState = 'none';
    // Never rely on the provider to notice an abort before it submits.
    if (scope.signal.aborted) throw scope.signal.reason;
    const { jobs } = entry.handler;
    if (!jobs) {
      const generate = entry.handler.generate;
      if (!generate) throw new TypeError(`provider "${provider}" implements neither jobs nor generate`);
      if (emit) await emit({ status: 'processing' }, '');
      return await raceAbort(generate(prepared, context, emit ? (s) => emit(s, '') : ignoreSnapshot), scope.signal);
    }
    const started: StartedJob<TResult> = input.resume ? { handle: input.resume } : await jobs.start(prepared, context);
    handle = started.handle;
    jobState = 'live';
    if (mode === 'start') {
      jobState = 'handed-over';
      return started;
    }
    const first = started.snapshot;
    if (emit) await emit(first && !isTerminal(first) ? first : { status: 'queued' }, handle.requestId);
    const terminal = first && isTerminal(first) ? first : await waitForTerminal(jobs, handle, context, emit, logger);
    return await settleTerminal(jobs, handle, terminal, context, (state) => {
      jobState = state;
    });
  };

  try {
    for (;;) {
      try {
        const value = await once();
        return { value, outcome: outcome() };
      } catch (raw) {
        if (scope.signal.aborted) {
          await cancelLiveJob(entry.handler.jobs);
          throw new AttemptFailure(abortError(scope, entry, handle, cancelled), outcome());
        }
        const error = toTarashError(raw, entry.config, handle?.requestId);
        // Only a job that never existed, or one the provider reports failed, may be submitted again.
        const resubmitSafe = !input.resume && (jobState === 'failed' || (jobState === 'none' && !error.jobMayExist));
        await cancelLiveJob(entry.handler.jobs);
        if (!error.isRetryable || !error.retrySameProvider || !resubmitSafe || retries >= entry.maxRetries) {
          throw new AttemptFailure(error, outcome());
        }
        const delay = retryAfterOf(error) ?? backoffDelay(retries, entry.backoff, input.random);
        if (delay >= scope.remainingMs()) throw new AttemptFailure(error, outcome());
        logger?.({ level: 'info', message: `retrying in ${Math.round(delay)} ms after ${error.name}: ${error.message}`, provider, model, fields: { retry: retries + 1 } });
        try {
          await sleep(delay, scope.signal);
        } catch {
          throw new AttemptFailure(abortError(scope, entry, handle, cancelled), outcome());
        }
        retries++;
      }
    }
  } finally {
    scope.dispose();
  }
}

/** The error for an aborted attempt: the caller's callback error, a `CancelledError` or a `TimeoutError`. */
function abortError(scope: AttemptScope, entry: ChainEntry<unknown, unknown>, handle: JobHandle | undefined, cancelled: boolean | undefined): unknown {
  const reason: unknown = scope.signal.reason;
  if (reason instanceof AttemptAbort && reason.kind === 'callback') return reason.detail;
  const { provider, model } = entry.config;
  const job = handle ? `; job ${handle.requestId} ${cancelled ? 'was cancelled' : 'could not be cancelled'}` : '';
  const common = { provider, model, ...(handle ? { requestId: handle.requestId } : {}) };
  if (reason instanceof AttemptAbort && reason.kind === 'caller') {
    return new CancelledError({ ...common, message: `Generation with ${provider} ${model} was aborted by the caller${job}` });
  }
  return new TimeoutError({ ...common, timeoutMs: entry.timeoutMs, message: `${provider} ${model} did not finish within ${entry.timeoutMs} ms${job}` });
}

/** Rejects with the signal's reason as soon as it aborts (for providers that ignore the signal). */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Whether an error from watching a job is worth another look at the same job. */
function isTransient(error: unknown, context: CallContext): boolean {
  return !context.signal.aborted && error instanceof TarashError && error.isRetryable;
}

/**
 * Waits for a terminal state: the provider's own wait (SSE) when it has one, else polling with
 * a growing, bounded interval. Transient failures are retried against the same job until the
 * deadline; nothing here ever submits.
 */
export async function waitForTerminal<TResult>(
  jobs: ProviderJobMethods<TResult>,
  handle: JobHandle,
  context: CallContext,
  emit: SnapshotEmitter | undefined,
  logger: Logger | undefined,
): Promise<JobStatusSnapshot<TResult>> {
  const onSnapshot: SnapshotListener<TResult> = emit ? (snapshot) => (isTerminal(snapshot) ? undefined : emit(snapshot, handle.requestId)) : ignoreSnapshot;
  let failures = 0;
  if (jobs.waitForCompletion) {
    for (;;) {
      try {
        const snapshot = await jobs.waitForCompletion(handle, context, onSnapshot);
        if (isTerminal(snapshot)) return snapshot;
        break;
      } catch (error) {
        if (!isTransient(error, context)) throw error;
        const delay = retryAfterOf(error) ?? pollDelay(failures++, context.pollIntervalMs);
        logger?.({ level: 'warn', message: `waiting for job failed (${(error as Error).message}); retrying in ${Math.round(delay)} ms`, provider: context.provider, model: context.model, requestId: handle.requestId });
        await sleep(delay, context.signal);
      }
    }
  }
  for (let poll = 0; ; poll++) {
    let snapshot: JobStatusSnapshot<TResult>;
    try {
      snapshot = await jobs.getStatus(handle, context);
    } catch (error) {
      if (!isTransient(error, context)) throw error;
      const delay = retryAfterOf(error) ?? pollDelay(poll, context.pollIntervalMs);
      logger?.({ level: 'warn', message: `status check failed (${(error as Error).message}); retrying in ${Math.round(delay)} ms`, provider: context.provider, model: context.model, requestId: handle.requestId });
      await sleep(delay, context.signal);
      continue;
    }
    if (isTerminal(snapshot)) return snapshot;
    await onSnapshot(snapshot);
    await sleep(snapshot.retryAfterMs ?? pollDelay(poll, context.pollIntervalMs), context.signal);
  }
}

/** Turns a terminal snapshot into the result, or the job's error. */
export async function settleTerminal<TResult>(
  jobs: ProviderJobMethods<TResult>,
  handle: JobHandle,
  terminal: JobStatusSnapshot<TResult>,
  context: CallContext,
  setState: (state: 'failed' | 'completed') => void,
): Promise<TResult> {
  if (terminal.status === 'completed') {
    setState('completed');
    if (terminal.result !== undefined && terminal.result !== null) return terminal.result;
    // Transient failures are retried against the same job (bounded by the deadline).
    for (let retry = 0; ; retry++) {
      try {
        return await jobs.getResult(handle, context, terminal);
      } catch (error) {
        if (!isTransient(error, context)) throw error;
        await sleep(retryAfterOf(error) ?? pollDelay(retry, Math.min(context.pollIntervalMs, 1000)), context.signal);
      }
    }
  }
  setState('failed');
  throw (
    terminal.error ??
    new GenerationFailedError({
      provider: context.provider,
      model: context.model,
      requestId: handle.requestId,
      phase: 'status',
      message: terminal.status === 'cancelled' ? `${context.provider} job ${handle.requestId} was cancelled at the provider` : `${context.provider} job ${handle.requestId} failed`,
      rawResponse: terminal.rawResponse,
    })
  );
}
