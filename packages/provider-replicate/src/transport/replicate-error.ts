import { errorFromHttpResponse, extractErrorMessage, type HttpFailure, type TarashError, type ValidationIssue } from '@tarash/core';

/** Replicate's RFC 7807 error body (wire.md §2.7); `invalid_fields` and `retry_after` are observed, not documented [C]. */
interface ProblemDetails {
  readonly title?: unknown;
  readonly detail?: unknown;
  readonly invalid_fields?: unknown;
  readonly retry_after?: unknown;
}

/** Words Replicate's safety checkers use when they refuse a prompt or an output [C]. */
const MODERATION = /\bnsfw\b|safety (checker|filter|system)|flagged|sensitive content|content policy|moderation/i;

/** Whether an error text says a safety system refused the content. */
export function isModerationMessage(message: string): boolean {
  return MODERATION.test(message);
}

function invalidFields(value: unknown): ValidationIssue[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry): ValidationIssue[] => {
    const { field, description } = (entry ?? {}) as { field?: unknown; description?: unknown };
    return typeof field === 'string' ? [{ field: `input.${field}`, message: typeof description === 'string' ? description : 'invalid' }] : [];
  });
}

/**
 * Maps a failed Replicate response: a 422 with `invalid_fields` is a `ValidationError` naming
 * each field, a safety refusal a `ContentModerationError`, a 429 waits `Retry-After` (or the
 * body's `retry_after`), anything else an `HTTPError` (a failed create is marked `jobMayExist`
 * unless its status proves nothing was created: 408/429/503 and every 4xx).
 */
export function replicateError(failure: HttpFailure): TarashError {
  const problem = (typeof failure.body === 'object' && failure.body !== null ? failure.body : {}) as ProblemDetails;
  const detail = typeof problem.detail === 'string' ? problem.detail : undefined;
  const title = typeof problem.title === 'string' ? problem.title : undefined;
  const message = detail && title ? `${title}: ${detail}` : (detail ?? title ?? extractErrorMessage(failure.body));
  const bodyRetry = typeof problem.retry_after === 'number' ? problem.retry_after * 1000 : undefined;
  const retryAfterMs = failure.retryAfterMs ?? bodyRetry;
  const issues = invalidFields(problem.invalid_fields);
  return errorFromHttpResponse({
    statusCode: failure.status,
    message,
    provider: failure.provider,
    model: failure.model,
    phase: failure.phase,
    rawResponse: failure.body,
    ...(failure.requestId !== undefined ? { requestId: failure.requestId } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    ...(issues.length > 0 ? { validationIssues: issues } : {}),
    moderation: failure.status < 500 && isModerationMessage(message),
  });
}
