import { HTTPConnectionError, HTTPError, readJsonBody, sendProviderRequest, type CallContext, type ErrorPhase, type ProviderRequest } from '@tarash/core';
import { falHttpError } from './fal-errors';

/** One fal HTTP call (queue, storage). */
export interface FalRequest extends Omit<ProviderRequest, 'signal' | 'toError'> {
  /** Send `Authorization: Key …`; false only for the signed storage PUT, which must not carry it. */
  readonly auth?: boolean;
}

/** A fal JSON answer. */
export interface FalJsonResponse<T> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

/** The headers every authenticated fal call carries (wire.md §1.1). */
function falHeaders(context: CallContext, request: FalRequest): Record<string, string> {
  return {
    Accept: 'application/json',
    ...(request.auth === false || context.apiKey === undefined ? {} : { Authorization: `Key ${context.apiKey}` }),
    ...request.headers,
  };
}

/**
 * Runs `run` with a signal that aborts when the context does or when `timeoutMs` passes without
 * a `touch()` (a stream touches on every chunk, so its bound is an idle bound). A fal host that
 * stops answering becomes a retryable `HTTPConnectionError` (marked `jobMayExist` at submit,
 * where the body may have arrived) instead of holding the job until its deadline.
 */
export async function withFalTimeout<T>(
  context: CallContext,
  phase: ErrorPhase,
  timeoutMs: number,
  run: (signal: AbortSignal, touch: () => void) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const touch = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error(`fal ${phase} timed out`));
    }, timeoutMs);
  };
  const onAbort = (): void => controller.abort(context.signal.reason);
  if (context.signal.aborted) onAbort();
  else context.signal.addEventListener('abort', onAbort, { once: true });
  touch();
  try {
    return await run(controller.signal, touch);
  } catch (error) {
    if (!timedOut || context.signal.aborted) throw error;
    throw new HTTPConnectionError({
      provider: context.provider,
      model: context.model,
      phase,
      code: 'ETIMEDOUT',
      message: `fal did not answer within ${timeoutMs} ms during ${phase}`,
      cause: error,
      jobMayExist: phase === 'submit',
    });
  } finally {
    clearTimeout(timer);
    context.signal.removeEventListener('abort', onAbort);
  }
}

/** `url` with `/{segment}` appended to its path, its query (e.g. an upload signature) kept. */
export function appendUrlPath(url: string, segment: string): string {
  const parsed = new URL(url);
  parsed.pathname = `${parsed.pathname.replace(/\/+$/, '')}/${segment}`;
  return parsed.href;
}

/** The wait (ms) an error says fal asked for (`Retry-After`), if any. */
export function retryAfterOf(error: unknown): number | undefined {
  const value = (error as { retryAfterMs?: unknown }).retryAfterMs;
  return typeof value === 'number' ? value : undefined;
}

/** Sends one fal request on `signal`; failed answers become fal's errors ({@link falHttpError}). */
export function sendFalRequest(context: CallContext, request: FalRequest, signal: AbortSignal): Promise<Response> {
  return sendProviderRequest(context, { ...request, headers: falHeaders(context, request), signal, toError: falHttpError });
}

/** Sends a fal request and reads its JSON answer, all within the request timeout. */
export function fetchFalJson<T>(context: CallContext, request: FalRequest, timeoutMs: number): Promise<FalJsonResponse<T>> {
  return withFalTimeout(context, request.phase, timeoutMs, async (signal) => {
    const response = await sendFalRequest(context, request, signal);
    const body = await readJsonBody<T>(response, context, request.phase, request.requestId);
    return { status: response.status, headers: response.headers, body };
  });
}

/** A body fal answered with but the SDK cannot read: retryable, like malformed JSON. */
export function unreadableFalBody(context: CallContext, phase: ErrorPhase, what: string, raw: unknown, requestId?: string): HTTPError {
  return new HTTPError({
    provider: context.provider,
    model: context.model,
    phase,
    statusCode: 200,
    isRetryable: true,
    jobMayExist: phase === 'submit',
    message: `fal sent ${what} during ${phase}: ${JSON.stringify(raw)?.slice(0, 200)}`,
    rawResponse: raw,
    ...(requestId !== undefined ? { requestId } : {}),
  });
}
