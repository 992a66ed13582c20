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
  /**
   * What a 404 means for this call. `fallBack`: Stability cannot help (a retired endpoint),
   * but the next config of the chain may.
   */
  readonly notFound?: { readonly message: string; readonly fallBack: boolean };
}

/**
 * Maps a failed Stability response to the error hierarchy:
 * - 403 (and 422 `public_figure`) → `ContentModerationError`;
 * - 400/422 with field lines → `ValidationError`;
 * - 429 → a retryable `HTTPError` waiting `Retry-After` if sent, else the published timeout;
 * - 402 (no credits) → an `HTTPError` that is never retried on Stability but lets the chain
 *   fall back, as does a 404 the caller marks `fallBack`;
 * - 401, 404, 413 → non-retryable `HTTPError`s;
 * - 5xx → retryable; at `generate`/`submit` a 5xx other than 503 is also `jobMayExist`: that
 *   Stability bills successful generations only is unconfirmed [C], so it is never resent.
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
    const { fallBack } = context.notFound;
    return new HTTPError({ ...common, statusCode: 404, message: `${context.notFound.message} (HTTP 404: ${message})`, isRetryable: fallBack, retrySameProvider: false });
  }
  if (failure.status === 402) {
    return new HTTPError({
      ...common,
      statusCode: 402,
      message: `${failure.provider} answered HTTP 402 during ${failure.phase}: ${message} (not retried on ${failure.provider}; the chain may fall back)`,
      isRetryable: true,
      retrySameProvider: false,
    });
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
