export { connectionError, findErrorCode } from './connection-error';
export {
  extractErrorMessage,
  readBodyLenient,
  readJsonBody,
  sendProviderRequest,
  type HttpFailure,
  type ProviderRequest,
} from './provider-request';
export { parseDurationString, parseRetryAfter } from './retry-after';
export { parseServerSentEvents, type ParseServerSentEventsOptions, type ServerSentEvent } from './server-sent-events';
export { retryAfterOf } from './retry-after-of';
export { withRequestTimeout } from './with-request-timeout';
