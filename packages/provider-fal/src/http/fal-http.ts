import { HTTPError, readJsonBody, sendProviderRequest, withRequestTimeout, type CallContext, type ErrorPhase, type ProviderRequest } from '@tarash/core';
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

/** `url` with `/{segment}` appended to its path, its query (e.g. an upload signature) kept. */
export function appendUrlPath(url: string, segment: string): string {
  const parsed = new URL(url);
  parsed.pathname = `${parsed.pathname.replace(/\/+$/, '')}/${segment}`;
  return parsed.href;
}

/** Sends one fal request on `signal`; failed answers become fal's errors ({@link falHttpError}). */
export function sendFalRequest(context: CallContext, request: FalRequest, signal: AbortSignal): Promise<Response> {
  return sendProviderRequest(context, { ...request, headers: falHeaders(context, request), signal, toError: falHttpError });
}

/** Sends a fal request and reads its JSON answer, all within the request timeout. */
export function fetchFalJson<T>(context: CallContext, request: FalRequest, timeoutMs: number): Promise<FalJsonResponse<T>> {
  return withRequestTimeout(context, request.phase, timeoutMs, async (signal) => {
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
