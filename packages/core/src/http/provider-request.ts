import type { ErrorPhase } from '../errors/error-phase';
import { errorFromHttpResponse } from '../errors/error-from-http-response';
import { HTTPError } from '../errors/http-error';
import type { TarashError } from '../errors/tarash-error';
import type { CallContext } from '../provider/call-context';
import { connectionError } from './connection-error';
import { parseRetryAfter } from './retry-after';

/** A non-2xx provider response, read, for a provider's error mapper. */
export interface HttpFailure {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON body, or the text when it is not JSON. */
  readonly body: unknown;
  readonly retryAfterMs?: number;
  readonly phase: ErrorPhase;
  readonly provider: string;
  readonly model: string;
  readonly requestId?: string;
}

/** One HTTP call of a provider transport. */
export interface ProviderRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as JSON with `Content-Type: application/json`. */
  readonly json?: unknown;
  /** Sent as is (FormData, bytes, text). */
  readonly body?: BodyInit;
  readonly phase: ErrorPhase;
  /** The job this call is about, for error context. */
  readonly requestId?: string;
  /** Maps a failed response to an error; defaults to {@link errorFromHttpResponse} with a generic message. */
  readonly toError?: (failure: HttpFailure) => TarashError;
  /** Statuses to return instead of throwing (e.g. fal's 400 ALREADY_COMPLETED on cancel). */
  readonly acceptStatus?: (status: number) => boolean;
  /** Defaults to the context signal. */
  readonly signal?: AbortSignal;
  /** `manual` to follow a redirect yourself (e.g. without credentials to another host). Default `follow`. */
  readonly redirect?: RequestRedirect;
}

/** Best-effort human message from a provider error body. */
export function extractErrorMessage(body: unknown): string {
  if (typeof body === 'string') return body.slice(0, 500) || 'empty response body';
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    const error = b.error;
    if (error && typeof error === 'object' && typeof (error as Record<string, unknown>).message === 'string') {
      return (error as Record<string, string>).message as string;
    }
    for (const key of ['message', 'detail', 'error', 'title', 'name'] as const) {
      const value = b[key];
      if (typeof value === 'string') return value;
    }
    try {
      return JSON.stringify(body).slice(0, 500);
    } catch {
      return 'unreadable error body';
    }
  }
  return 'empty response body';
}

/** Reads a body as JSON when it parses, else as text. */
export async function readBodyLenient(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return '';
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * Sends one request with the context's `fetch` and signal. Connection failures become
 * `HTTPConnectionError`s, non-2xx answers the provider's mapped error; an abort rethrows the
 * signal's reason so the orchestrator can tell a deadline from a caller abort.
 */
export async function sendProviderRequest(context: CallContext, request: ProviderRequest): Promise<Response> {
  const signal = request.signal ?? context.signal;
  const headers: Record<string, string> = { ...request.headers };
  let body: BodyInit | undefined = request.body;
  if (request.json !== undefined) {
    body = JSON.stringify(request.json);
    headers['Content-Type'] ??= 'application/json';
  }
  let response: Response;
  try {
    response = await context.fetch(request.url, {
      method: request.method,
      headers,
      ...(body !== undefined ? { body } : {}),
      ...(request.redirect !== undefined ? { redirect: request.redirect } : {}),
      signal,
    });
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    throw connectionError(error, { provider: context.provider, model: context.model, phase: request.phase, url: request.url });
  }
  if (response.ok || request.acceptStatus?.(response.status) || (request.redirect === 'manual' && response.status >= 300 && response.status < 400)) {
    return response;
  }
  let parsed: unknown;
  try {
    parsed = await readBodyLenient(response);
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    parsed = '';
  }
  const retryAfterMs = parseRetryAfter(response.headers);
  const failure: HttpFailure = {
    status: response.status,
    headers: response.headers,
    body: parsed,
    phase: request.phase,
    provider: context.provider,
    model: context.model,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    ...(request.requestId !== undefined ? { requestId: request.requestId } : {}),
  };
  throw request.toError
    ? request.toError(failure)
    : errorFromHttpResponse({ ...failure, statusCode: failure.status, message: extractErrorMessage(parsed), rawResponse: parsed });
}

/**
 * Reads a JSON body. Malformed JSON from a provider is a retryable `HTTPError`; at submit it
 * is marked `jobMayExist`, because the provider answered success.
 */
export async function readJsonBody<T>(response: Response, context: CallContext, phase: ErrorPhase, requestId?: string): Promise<T> {
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (context.signal.aborted) throw context.signal.reason;
    throw connectionError(error, { provider: context.provider, model: context.model, phase, url: response.url });
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new HTTPError({
      provider: context.provider,
      model: context.model,
      phase,
      statusCode: response.status,
      message: `${context.provider} sent malformed JSON during ${phase} (HTTP ${response.status}): ${text.slice(0, 200)}`,
      rawResponse: text.slice(0, 2000),
      isRetryable: true,
      jobMayExist: phase === 'submit' || phase === 'generate',
      ...(requestId !== undefined ? { requestId } : {}),
    });
  }
}
