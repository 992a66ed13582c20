import {
  ContentModerationError,
  GenerationFailedError,
  errorFromHttpResponse,
  parseDurationString,
  type HttpFailure,
  type TarashError,
  type ValidationIssue,
} from '@tarash/core';

/** A `google.rpc.Status`, as error envelopes and failed operations carry it. */
export interface GoogleStatus {
  readonly code?: number;
  readonly message?: string;
  readonly status?: string;
  readonly details?: readonly unknown[];
}

/** `google.rpc.Code` names by number. */
const CODE_NAMES: Readonly<Record<number, string>> = {
  1: 'CANCELLED',
  2: 'UNKNOWN',
  3: 'INVALID_ARGUMENT',
  4: 'DEADLINE_EXCEEDED',
  5: 'NOT_FOUND',
  6: 'ALREADY_EXISTS',
  7: 'PERMISSION_DENIED',
  8: 'RESOURCE_EXHAUSTED',
  9: 'FAILED_PRECONDITION',
  10: 'ABORTED',
  11: 'OUT_OF_RANGE',
  12: 'UNIMPLEMENTED',
  13: 'INTERNAL',
  14: 'UNAVAILABLE',
  15: 'DATA_LOSS',
  16: 'UNAUTHENTICATED',
};

/** Codes of a failed operation worth running again: the failure was Google's, not the request's. */
const RETRYABLE_CODES = new Set(['UNKNOWN', 'DEADLINE_EXCEEDED', 'RESOURCE_EXHAUSTED', 'ABORTED', 'INTERNAL', 'UNAVAILABLE', 'DATA_LOSS']);

/**
 * Wording of Google's safety refusals that arrive as INVALID_ARGUMENT or as an operation error
 * instead of a filter field (Imagen on Vertex: "…violate Google's Responsible AI practices…",
 * Veo: "…usage guidelines…") [C].
 */
const SAFETY_WORDING = /responsible ai|usage guidelines|safety (?:filter|polic|setting)|sensitive words|prohibited content|content policy/i;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `google.rpc.Status` of an error body `{error: {...}}`, if it has one. */
export function statusOf(body: unknown): GoogleStatus | undefined {
  return isObject(body) && isObject(body.error) ? (body.error as GoogleStatus) : undefined;
}

/** The detail of a given `@type` suffix, e.g. `google.rpc.RetryInfo`. */
function detailOf(status: GoogleStatus | undefined, type: string): Record<string, unknown> | undefined {
  return status?.details?.find((detail): detail is Record<string, unknown> => isObject(detail) && typeof detail['@type'] === 'string' && detail['@type'].endsWith(type));
}

/** The status name of an error (`status`, else the name of a numeric `code`). */
export function statusName(status: GoogleStatus | undefined): string | undefined {
  return status?.status ?? (status?.code !== undefined ? CODE_NAMES[status.code] : undefined);
}

function fieldIssues(status: GoogleStatus | undefined, message: string): ValidationIssue[] {
  const violations = detailOf(status, 'google.rpc.BadRequest')?.fieldViolations;
  const issues = Array.isArray(violations)
    ? violations.filter(isObject).map((violation) => ({ field: String(violation.field ?? 'request'), message: String(violation.description ?? message) }))
    : [];
  return issues.length > 0 ? issues : [{ field: 'request', message }];
}

/**
 * Maps a failed Google response (`{"error":{"code","message","status","details"}}`, wire.md
 * §4.5) to the error hierarchy: safety refusals → `ContentModerationError`; INVALID_ARGUMENT →
 * `ValidationError` listing Google's field violations (an invalid API key stays an
 * `HTTPError` 400); RESOURCE_EXHAUSTED → a retryable 429 that waits `RetryInfo.retryDelay`
 * (or `Retry-After`); 401/403 → authentication errors; the rest by HTTP status. A submit is
 * marked as possibly accepted unless its status proves otherwise.
 */
export function googleHttpError(failure: HttpFailure): TarashError {
  const status = statusOf(failure.body);
  const name = statusName(status);
  const text = status?.message ?? (typeof failure.body === 'string' && failure.body !== '' ? failure.body.slice(0, 300) : `HTTP ${failure.status}`);
  const reason = detailOf(status, 'google.rpc.ErrorInfo')?.reason;
  const retryDelay = detailOf(status, 'google.rpc.RetryInfo')?.retryDelay;
  const retryAfterMs = (typeof retryDelay === 'string' ? parseDurationString(retryDelay) : undefined) ?? failure.retryAfterMs;
  const quota = name === 'RESOURCE_EXHAUSTED';
  const auth = failure.status === 401 || failure.status === 403 || name === 'UNAUTHENTICATED' || name === 'PERMISSION_DENIED';
  const statusCode = quota ? 429 : failure.status;
  const label = [name, typeof reason === 'string' ? reason : undefined].filter(Boolean).join(' ');
  return errorFromHttpResponse({
    statusCode,
    message: `${label ? `${label}: ` : ''}${text}${auth && !quota ? ' (check the API key or access token and its permissions)' : ''}`,
    provider: failure.provider,
    model: failure.model,
    phase: failure.phase,
    rawResponse: failure.body,
    ...(failure.requestId !== undefined ? { requestId: failure.requestId } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    moderation: name === 'INVALID_ARGUMENT' && SAFETY_WORDING.test(text),
    ...(name === 'INVALID_ARGUMENT' && reason !== 'API_KEY_INVALID' ? { validationIssues: fieldIssues(status, text) } : {}),
  });
}

/**
 * The error of an operation that finished with `error` (a `google.rpc.Status`): a safety
 * refusal is a `ContentModerationError`; anything else a `GenerationFailedError` that is
 * retryable when its code says Google failed (UNAVAILABLE, INTERNAL, DEADLINE_EXCEEDED…) and
 * not when the request did (INVALID_ARGUMENT, FAILED_PRECONDITION…).
 */
export function operationError(status: GoogleStatus, target: { readonly provider: string; readonly model: string; readonly requestId: string }, rawResponse: unknown): TarashError {
  const name = statusName(status) ?? 'UNKNOWN';
  const message = `${target.provider} operation ${target.requestId} failed (${name}): ${status.message ?? 'no message'}`;
  if (SAFETY_WORDING.test(status.message ?? '')) return new ContentModerationError({ ...target, message, rawResponse, phase: 'status' });
  return new GenerationFailedError({ ...target, message, rawResponse, phase: 'status', providerErrorType: name, isRetryable: RETRYABLE_CODES.has(name) });
}
