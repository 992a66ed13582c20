import { HTTPError, errorFromHttpResponse, extractErrorMessage, type HttpFailure, type TarashError } from '@tarash/core';

/** OpenAI's error object; Azure sends `{code, message}` only, sometimes with `code` as a string status. */
export interface OpenAIErrorObject {
  readonly message?: string;
  readonly type?: string;
  readonly param?: string | null;
  readonly code?: string | null;
}

/** The `error` object of an OpenAI (or Azure OpenAI) error body, if there is one. */
export function openaiErrorObject(body: unknown): OpenAIErrorObject | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const error = (body as { error?: unknown }).error;
  return typeof error === 'object' && error !== null ? (error as OpenAIErrorObject) : undefined;
}

/**
 * Codes meaning a safety system refused the prompt, an input or the output:
 * `moderation_blocked` (gpt-image, Sora), `content_policy_violation` (dall-e) [C],
 * `content_filter` (Azure) [C].
 */
const MODERATION_CODES = new Set(['moderation_blocked', 'content_policy_violation', 'content_filter']);

/** Whether an error object (or a failed job's `error`) reports moderation. */
export function isModeration(error: { readonly code?: string | null } | undefined | null): boolean {
  return error?.code != null && MODERATION_CODES.has(error.code);
}

/**
 * Maps a failed OpenAI response to the error hierarchy:
 * - moderation codes → `ContentModerationError` (never retried, the chain stops);
 * - 400/422 with `param` → `ValidationError` on that field;
 * - everything else → `HTTPError` (408/409/429/5xx retryable, honouring `retry-after-ms` /
 *   `Retry-After`; 401/403/404 not).
 *
 * Images are synchronous, so a failed `generate` is like a failed submit: a 5xx other than 503
 * may come after the image was made and billed (a gateway timeout, a dropped upstream), so it
 * is marked `jobMayExist` and never repeated against OpenAI; the chain still falls back.
 */
export function openaiError(failure: HttpFailure): TarashError {
  const error = openaiErrorObject(failure.body);
  const message = error?.message ?? extractErrorMessage(failure.body);
  const detail = [error?.type, error?.code].filter((part) => typeof part === 'string' && part !== '').join('/');
  const common = {
    statusCode: failure.status,
    message: detail ? `${message} (${detail})` : message,
    provider: failure.provider,
    model: failure.model,
    phase: failure.phase,
    rawResponse: failure.body,
    ...(failure.requestId !== undefined ? { requestId: failure.requestId } : {}),
    ...(failure.retryAfterMs !== undefined ? { retryAfterMs: failure.retryAfterMs } : {}),
  };
  if (isModeration(error)) return errorFromHttpResponse({ ...common, moderation: true });
  if ((failure.status === 400 || failure.status === 422) && typeof error?.param === 'string' && error.param !== '') {
    return errorFromHttpResponse({ ...common, validationIssues: [{ field: error.param, message }] });
  }
  if (failure.phase === 'generate' && failure.status >= 500 && failure.status !== 503) {
    return new HTTPError({ ...common, message: `${failure.provider} answered HTTP ${failure.status} during generate: ${common.message}`, jobMayExist: true });
  }
  return errorFromHttpResponse(common);
}
