import type { ErrorPhase } from './error-phase';
import { ContentModerationError } from './content-moderation-error';
import { HTTPError } from './http-error';
import type { TarashError } from './tarash-error';
import { ValidationError, type ValidationIssue } from './validation-error';

/** What a provider package knows about a failed HTTP response. */
export interface HttpErrorInput {
  readonly statusCode: number;
  /** Human message extracted from the provider's error body. */
  readonly message: string;
  readonly provider: string;
  readonly model: string;
  readonly phase: ErrorPhase;
  readonly requestId?: string;
  readonly rawResponse?: unknown;
  readonly retryAfterMs?: number;
  /** The body says the content was refused by a safety system. */
  readonly moderation?: boolean;
  /** Field-level problems from the body (e.g. fal 422 `detail[]`). */
  readonly validationIssues?: readonly ValidationIssue[];
  /** Retrying this provider cannot help (quota exhausted, endpoint retired), though another may. */
  readonly retrySameProvider?: boolean;
}

/**
 * Submit (or one-call generate) statuses after which the provider cannot have created a job:
 * the request was timed out, throttled or refused before any work began.
 */
const SUBMIT_NOT_ACCEPTED = new Set([408, 429, 503]);

/**
 * Maps a provider's HTTP error to the error hierarchy: moderation → `ContentModerationError`,
 * field problems on 400/422 → `ValidationError`, anything else → `HTTPError` (retryable for
 * 408/409/429/5xx). A failed submit is marked `jobMayExist` unless its status proves no job
 * was created, so the orchestrator never submits a paid job twice.
 */
export function errorFromHttpResponse(input: HttpErrorInput): TarashError {
  const common = {
    provider: input.provider,
    model: input.model,
    phase: input.phase,
    ...(input.requestId !== undefined ? { requestId: input.requestId } : {}),
    ...(input.rawResponse !== undefined ? { rawResponse: input.rawResponse } : {}),
  };
  if (input.moderation) {
    return new ContentModerationError({ ...common, message: `${input.provider} refused the content (HTTP ${input.statusCode}): ${input.message}` });
  }
  if ((input.statusCode === 422 || input.statusCode === 400) && input.validationIssues?.length) {
    return new ValidationError({
      ...common,
      issues: input.validationIssues,
      statusCode: input.statusCode,
      context: `${input.provider} rejected the request for ${input.model} (HTTP ${input.statusCode})`,
    });
  }
  return new HTTPError({
    ...common,
    statusCode: input.statusCode,
    message: `${input.provider} answered HTTP ${input.statusCode} during ${input.phase}: ${input.message}`,
    ...(input.retryAfterMs !== undefined ? { retryAfterMs: input.retryAfterMs } : {}),
    ...(input.retrySameProvider !== undefined ? { retrySameProvider: input.retrySameProvider } : {}),
    jobMayExist: (input.phase === 'submit' || input.phase === 'generate') && input.statusCode >= 500 && !SUBMIT_NOT_ACCEPTED.has(input.statusCode),
  });
}
