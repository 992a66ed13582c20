import type { ContractIssue } from '../common/contracts/contract-issue';
import type { Fault } from '../common/faults';
import type { HttpReply } from '../common/http-reply';

/** One entry of a 422's `invalid_fields` (shape observed, not documented: wire.md §2.7 [C]). */
export interface ReplicateInvalidField {
  readonly type: string;
  readonly field: string;
  readonly description: string;
}

/** The media type of Replicate's RFC 7807 error bodies. */
export const PROBLEM_JSON = 'application/problem+json';

/** An RFC 7807 problem-details reply, as Replicate sends every error (wire.md §2.7). */
export function problemReply(
  status: number,
  title: string,
  detail: string,
  extra: Readonly<Record<string, unknown>> = {},
  headers: Readonly<Record<string, string>> = {},
): HttpReply {
  return { status, body: { title, detail, status, ...extra }, headers: { 'content-type': PROBLEM_JSON, ...headers } };
}

/** The 422 for a body or input that breaks a schema, with one `invalid_fields` entry per issue. */
export function invalidInputReply(title: string, issues: readonly ContractIssue[], fieldPrefix = ''): HttpReply {
  const invalidFields: ReplicateInvalidField[] = issues.map((issue) => ({
    type: issue.keyword,
    field: `${fieldPrefix}${issue.path.map(String).join('.') || '(root)'}`,
    description: issue.message,
  }));
  return problemReply(422, title, invalidFields.map((field) => field.description).join('; '), { invalid_fields: invalidFields });
}

/**
 * A 429 as Replicate's rate limiter sends it: `Retry-After` (observed, not documented) and a
 * `retry_after` body field [C]. Inject it with `server.injectFault({ phase: 'submit', fault: throttledFault(2) })`.
 */
export function throttledFault(retryAfterSeconds: number): Fault {
  if (!Number.isInteger(retryAfterSeconds) || retryAfterSeconds < 0) {
    throw new RangeError(`retryAfterSeconds must be an integer >= 0; got ${String(retryAfterSeconds)}.`);
  }
  return {
    kind: 'respond',
    status: 429,
    headers: { 'content-type': PROBLEM_JSON, 'retry-after': String(retryAfterSeconds) },
    body: {
      title: 'Request was throttled',
      detail: `Request was throttled. Your rate limit resets in ~${retryAfterSeconds}s.`,
      status: 429,
      retry_after: retryAfterSeconds,
    },
  };
}
