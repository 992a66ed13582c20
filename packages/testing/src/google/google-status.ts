import { jsonReply, type HttpReply } from '../common/http-reply';

/** The canonical `google.rpc.Code` numbers, by name. */
export const GOOGLE_RPC_CODES = {
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  OUT_OF_RANGE: 11,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  DATA_LOSS: 15,
  UNAUTHENTICATED: 16,
} as const;

/** A `google.rpc.Code` name such as `INVALID_ARGUMENT`. */
export type GoogleRpcStatus = keyof typeof GOOGLE_RPC_CODES;

/** The HTTP status Google APIs answer for each code (the standard `google.rpc.Code` mapping). */
const HTTP_STATUS: Readonly<Record<GoogleRpcStatus, number>> = {
  CANCELLED: 499,
  UNKNOWN: 500,
  INVALID_ARGUMENT: 400,
  DEADLINE_EXCEEDED: 504,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  PERMISSION_DENIED: 403,
  RESOURCE_EXHAUSTED: 429,
  FAILED_PRECONDITION: 400,
  ABORTED: 409,
  OUT_OF_RANGE: 400,
  UNIMPLEMENTED: 501,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  DATA_LOSS: 500,
  UNAUTHENTICATED: 401,
};

/** Whether `value` names a `google.rpc.Code`. */
export function isGoogleRpcStatus(value: unknown): value is GoogleRpcStatus {
  return typeof value === 'string' && Object.hasOwn(GOOGLE_RPC_CODES, value);
}

/** The HTTP status of a `google.rpc.Code`. */
export function httpStatusOf(status: GoogleRpcStatus): number {
  return HTTP_STATUS[status];
}

/**
 * The error envelope of Google APIs (wire.md §4.5):
 * `{"error":{"code":429,"message":"…","status":"RESOURCE_EXHAUSTED","details":[…]}}`.
 * Use it to script faults, e.g. a 429 carrying `RetryInfo`.
 */
export function googleErrorBody(status: GoogleRpcStatus, message: string, details: readonly unknown[] = []): { error: Record<string, unknown> } {
  return { error: { code: httpStatusOf(status), message, status, ...(details.length > 0 ? { details } : {}) } };
}

/** A JSON reply carrying {@link googleErrorBody} with the matching HTTP status. */
export function googleErrorReply(status: GoogleRpcStatus, message: string, details: readonly unknown[] = []): HttpReply {
  return jsonReply(httpStatusOf(status), googleErrorBody(status, message, details));
}

/** A `google.rpc.RetryInfo` detail, e.g. `googleRetryInfo('30s')` [C: wire.md §4.5]. */
export function googleRetryInfo(retryDelay: string): Record<string, unknown> {
  return { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay };
}

/** A `google.rpc.ErrorInfo` detail (machine-readable reason, e.g. `API_KEY_INVALID`). */
export function googleErrorInfo(reason: string, metadata: Readonly<Record<string, string>> = {}): Record<string, unknown> {
  return { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason, domain: 'googleapis.com', metadata };
}

/** A `google.rpc.BadRequest` detail listing the offending fields. */
export function googleBadRequest(fieldViolations: readonly { readonly field: string; readonly description: string }[]): Record<string, unknown> {
  return { '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations };
}
