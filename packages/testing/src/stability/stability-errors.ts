import { randomBytes } from 'node:crypto';
import { formatIssuePath, type ContractIssue } from '../common/contracts/contract-issue';
import { jsonReply, type HttpReply } from '../common/http-reply';

/** Stability's error body (`wire.md` §5.4): a hex id, a short name and `"field: message"` lines. */
export interface StabilityErrorBody {
  readonly id: string;
  readonly name: string;
  readonly errors: readonly string[];
}

/** The error `name` Stability sends with each status (401/402 names are official, their codes inferred). */
export const STABILITY_ERROR_NAMES: Readonly<Record<number, string>> = {
  400: 'bad_request',
  401: 'unauthorized',
  402: 'payment_required',
  403: 'content_moderation',
  404: 'not_found',
  413: 'payload_too_large',
  422: 'invalid_language',
  429: 'rate_limit_exceeded',
  500: 'internal_error',
};

/** The message of a 403 content-moderation refusal. */
export const STABILITY_MODERATION_MESSAGE =
  'Your request was flagged by our content moderation system, as a result your request was denied and you were not charged.';

/** The message of a 402 refusal. */
export const STABILITY_PAYMENT_REQUIRED_MESSAGE = 'You lack sufficient credits to make this request. Please purchase more credits and try again.';

/** A fresh error id, 32 hex digits like Stability's. */
export function stabilityErrorId(): string {
  return randomBytes(16).toString('hex');
}

/** An error reply in Stability's envelope; `name` defaults to the status's usual name. */
export function stabilityError(status: number, errors: readonly string[], name?: string, headers: Readonly<Record<string, string>> = {}): HttpReply {
  const body: StabilityErrorBody = { id: stabilityErrorId(), name: name ?? STABILITY_ERROR_NAMES[status] ?? 'error', errors };
  return jsonReply(status, body, headers);
}

/** Renders a contract issue as one of Stability's `"field: message"` lines. */
export function stabilityIssueLine(issue: ContractIssue): string {
  const where = formatIssuePath(issue.path);
  const message = issue.message.startsWith(`${where} `) ? issue.message.slice(where.length + 1) : issue.message;
  return `${where}: ${message}`;
}
