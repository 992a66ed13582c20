import { errorFromHttpResponse, extractErrorMessage, HTTPError, type HttpFailure, type TarashError, type ValidationIssue } from '@tarash/core';

/** Stability's error body: `{id, name, errors: ["field: message", …]}`. */
export interface StabilityErrorEnvelope {
  readonly id?: string;
  readonly name?: string;
  readonly errors: readonly string[];
}

/** Error names that mean the content was refused: 403's moderation, and 422 `public_figure` [C]. */
const MODERATION_NAMES = new Set(['content_moderation', 'public_figure']);

/** Reads the envelope from an error body (lenient: any of its fields may be missing). */
export function readErrorEnvelope(body: unknown): StabilityErrorEnvelope {
  if (typeof body !== 'object' || body === null) return { errors: [] };
  const { id, name, errors } = body as Record<string, unknown>;
  return {
    ...(typeof id === 'string' ? { id } : {}),
    ...(typeof name === 'string' ? { name } : {}),
    errors: Array.isArray(errors) ? errors.filter((line): line is string => typeof line === 'string') : [],
  };
}

/** `"field: message"` lines as validation issues (lines without a field name are skipped). */
function issuesOf(lines: readonly string[]): ValidationIssue[] {
  return lines.flatMap((line) => {
    const match = /^([A-Za-z_][\w.[\]-]*): (.+)$/s.exec(line);
    return match ? [{ field: match[1] as string, message: match[2] as string }] : [];
  });
}

/** What the caller knows about the call that failed. */
export interface StabilityErrorContext {
  /** How long to wait after a 429 without `Retry-After`: the published timeout. */
  readonly rateLimitTimeoutMs: number;
  /** Replaces the message of a 404 (retired endpoint, unknown job). */
  readonly notFound?: string;
}

/**
 * Maps a failed Stability response to the error hierarchy: 403 (and `public_figure`) →
 * `ContentModerationError`; 400/422 with field lines → `ValidationError`; 429 → a retryable
 * `HTTPError` waiting `Retry-After` if sent, else the published timeout; 401/402/404/413 →
 * non-retryable `HTTPError`s; 5xx → retryable.
 */
export function stabilityHttpError(failure: HttpFailure, context: StabilityErrorContext): TarashError {
  const envelope = readErrorEnvelope(failure.body);
  const detail = envelope.errors.length > 0 ? envelope.errors.join('; ') : extractErrorMessage(failure.body);
  const message = envelope.name ? `${envelope.name}: ${detail}` : detail;
  const requestId = failure.requestId ?? envelope.id;
  const common = {
    provider: failure.provider,
    model: failure.model,
    phase: failure.phase,
    rawResponse: failure.body,
    ...(requestId !== undefined ? { requestId } : {}),
  };
  if (failure.status === 404 && context.notFound) {
    return new HTTPError({ ...common, statusCode: 404, message: `${context.notFound} (HTTP 404: ${message})`, isRetryable: false });
  }
  return errorFromHttpResponse({
    ...common,
    statusCode: failure.status,
    message,
    moderation: failure.status === 403 || (envelope.name !== undefined && MODERATION_NAMES.has(envelope.name)),
    validationIssues: issuesOf(envelope.errors),
    ...(failure.status === 429 ? { retryAfterMs: failure.retryAfterMs ?? context.rateLimitTimeoutMs } : {}),
  });
}
