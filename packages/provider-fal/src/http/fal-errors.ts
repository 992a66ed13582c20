import {
  ContentModerationError,
  GenerationFailedError,
  HTTPError,
  ValidationError,
  extractErrorMessage,
  formatPath,
  type HttpFailure,
  type TarashError,
  type ValidationIssue,
} from '@tarash/core';

/** One entry of fal's pydantic-style `detail` list. */
export interface FalErrorDetail {
  readonly loc?: readonly (string | number)[];
  readonly msg?: string;
  readonly type?: string;
  readonly input?: unknown;
  readonly ctx?: Readonly<Record<string, unknown>>;
}

const CONTENT_POLICY = 'content_policy_violation';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The `detail` of a fal error body as a list. A plain-string detail becomes one entry on the
 * whole body, as fal-js normalises it.
 */
export function falErrorDetails(body: unknown): FalErrorDetail[] {
  if (!isRecord(body)) return [];
  const { detail } = body;
  if (typeof detail === 'string') return [{ loc: ['body'], msg: detail, type: 'value_error' }];
  return Array.isArray(detail) ? detail.filter(isRecord).map((entry) => entry as FalErrorDetail) : [];
}

/** fal's machine error type: the `X-Fal-Error-Type` header, else the body's `error_type`. */
export function falErrorType(headers: Headers | undefined, body: unknown): string | undefined {
  const header = headers?.get('x-fal-error-type');
  if (header) return header;
  return isRecord(body) && typeof body.error_type === 'string' ? body.error_type : undefined;
}

/**
 * Allowed values from a detail's `ctx.expected`: a list, or pydantic's text form
 * `"'4s', '6s' or '8s'"` (quoted entries stay strings, bare numbers become numbers).
 */
export function parseExpectedValues(expected: unknown): unknown[] | undefined {
  if (Array.isArray(expected)) return expected;
  if (typeof expected !== 'string' || expected.trim() === '') return undefined;
  return expected
    .split(/,\s*|\s+or\s+/)
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item) => {
      const quoted = /^'(.*)'$|^"(.*)"$/.exec(item);
      if (quoted) return quoted[1] ?? quoted[2];
      const number = Number(item);
      return Number.isFinite(number) ? number : item;
    });
}

/** Validation issues from fal's `detail`: fal's field path (without `body`), message, value and allowed values. */
export function falValidationIssues(details: readonly FalErrorDetail[]): ValidationIssue[] {
  return details.map((detail) => {
    const path = detail.loc?.[0] === 'body' ? detail.loc.slice(1) : (detail.loc ?? []);
    const allowed = parseExpectedValues(detail.ctx?.expected);
    return {
      field: path.length > 0 ? formatPath(path) : '(body)',
      message: `${detail.msg ?? 'rejected by fal'}${detail.type ? ` [${detail.type}]` : ''}`,
      ...('input' in detail ? { value: detail.input } : {}),
      ...(allowed ? { allowed } : {}),
    };
  });
}

/** Whether a fal error is a content-policy refusal (never retried, never falls back). */
export function isContentPolicyError(details: readonly FalErrorDetail[], errorType: string | undefined): boolean {
  return errorType === CONTENT_POLICY || details.some((detail) => detail.type === CONTENT_POLICY);
}

/**
 * Whether a failed submit proves fal never accepted the job: 408/429/503 refuse before queueing,
 * and a 502/504 without `x-fal-request-id` came from fal's ingress, before any runner saw it.
 */
function submitNeverAccepted(status: number, headers: Headers): boolean {
  if (status < 500 || status === 503) return true;
  return (status === 502 || status === 504) && !headers.get('x-fal-request-id');
}

/**
 * Maps a failed fal HTTP response: content-policy refusals → `ContentModerationError`, 422
 * `detail` (list or string) → `ValidationError` naming fal's fields, anything else →
 * `HTTPError` with `Retry-After`, `x-fal-retryable: false` honoured, and `jobMayExist` set for
 * submits fal may have accepted.
 */
export function falHttpError(failure: HttpFailure): TarashError {
  const details = falErrorDetails(failure.body);
  const errorType = falErrorType(failure.headers, failure.body);
  const common = {
    provider: failure.provider,
    model: failure.model,
    phase: failure.phase,
    rawResponse: failure.body,
    ...(failure.requestId !== undefined ? { requestId: failure.requestId } : {}),
  };
  if (isContentPolicyError(details, errorType)) {
    return new ContentModerationError({ ...common, message: `fal refused the content of the ${failure.model} request (HTTP ${failure.status}): ${details[0]?.msg ?? extractErrorMessage(failure.body)}` });
  }
  if (failure.status === 422 && details.length > 0) {
    return new ValidationError({
      ...common,
      issues: falValidationIssues(details),
      statusCode: 422,
      context: `fal rejected the request for ${failure.model} (HTTP 422; fields are fal's input fields)`,
    });
  }
  const notRetryable = failure.headers.get('x-fal-retryable') === 'false';
  return new HTTPError({
    ...common,
    statusCode: failure.status,
    message: `fal answered HTTP ${failure.status} during ${failure.phase}${errorType ? ` (${errorType})` : ''}: ${extractErrorMessage(failure.body)}`,
    ...(failure.retryAfterMs !== undefined ? { retryAfterMs: failure.retryAfterMs } : {}),
    ...(notRetryable ? { isRetryable: false } : {}),
    jobMayExist: failure.phase === 'submit' && !submitNeverAccepted(failure.status, failure.headers),
  });
}

/** What fal said about a job that completed with an error. */
export interface FalJobFailureInput {
  readonly provider: string;
  readonly model: string;
  readonly requestId: string;
  /** The status body's `error` and `error_type`. */
  readonly error: string;
  readonly errorType: string | undefined;
  /** The failed result's HTTP status, headers and body, when they could be read. */
  readonly result?: { readonly status: number | undefined; readonly headers: Headers | undefined; readonly body: unknown };
}

/**
 * The error of a job fal reports as COMPLETED with an error: content policy →
 * `ContentModerationError`; a 422 with field details → `ValidationError` (the model runner
 * validated late); anything else → `GenerationFailedError` carrying fal's `error_type`
 * (not retryable when fal says `x-fal-retryable: false`).
 */
export function falJobFailure(input: FalJobFailureInput): TarashError {
  const body = input.result?.body;
  const details = falErrorDetails(body);
  const errorType = falErrorType(input.result?.headers, body) ?? input.errorType;
  const common = { provider: input.provider, model: input.model, requestId: input.requestId, phase: 'result' as const, rawResponse: body ?? { error: input.error, error_type: input.errorType } };
  if (isContentPolicyError(details, errorType)) {
    return new ContentModerationError({ ...common, message: `fal refused the content of job ${input.requestId}: ${details[0]?.msg ?? input.error}` });
  }
  if (input.result?.status === 422 && details.length > 0) {
    return new ValidationError({
      ...common,
      issues: falValidationIssues(details),
      statusCode: 422,
      context: `fal job ${input.requestId} rejected its input (HTTP 422; fields are fal's input fields)`,
    });
  }
  const status = input.result?.status === undefined ? '' : `HTTP ${input.result.status}: `;
  const detail = body === undefined ? '' : ` (${status}${extractErrorMessage(body)})`;
  return new GenerationFailedError({
    ...common,
    message: `fal job ${input.requestId} failed${errorType ? ` [${errorType}]` : ''}: ${input.error}${detail}`,
    ...(errorType !== undefined ? { providerErrorType: errorType } : {}),
    ...(input.result?.headers?.get('x-fal-retryable') === 'false' ? { isRetryable: false } : {}),
  });
}
