import { ContentModerationError } from '../errors/content-moderation-error';
import { GenerationFailedError } from '../errors/generation-failed-error';
import { HTTPConnectionError } from '../errors/http-connection-error';
import { HTTPError } from '../errors/http-error';
import { TarashError } from '../errors/tarash-error';
import { TimeoutError } from '../errors/timeout-error';
import { ValidationError } from '../errors/validation-error';
import type { MockErrorSpec } from '../types/mock-config';

/** Where a mock error strikes: at submit (before a job exists) or as the job's failure. */
export type MockErrorPhase = 'submit' | 'job';

/** The phase an injected error belongs to: request errors at submit, job errors after the job ran. */
export function mockErrorPhase(error: MockErrorSpec | Error): MockErrorPhase {
  if (error instanceof Error) return error instanceof TarashError && !(error instanceof HTTPError || error instanceof HTTPConnectionError || error instanceof ValidationError) ? 'job' : 'submit';
  return error.type === 'HTTPError' || error.type === 'HTTPConnectionError' || error.type === 'ValidationError' ? 'submit' : 'job';
}

/** Builds the error a mock outcome injects, as the real provider would raise it. */
export function buildMockError(error: MockErrorSpec | Error, target: { provider: string; model: string; requestId?: string }): TarashError {
  const base = { provider: target.provider, model: target.model, ...(target.requestId ? { requestId: target.requestId } : {}) };
  if (error instanceof TarashError) return error;
  if (error instanceof Error) {
    return new GenerationFailedError({ ...base, phase: 'submit', message: `Mock error: ${error.message}`, cause: error });
  }
  const message = error.message ?? `Mock ${error.type}`;
  switch (error.type) {
    case 'HTTPError': {
      const statusCode = error.statusCode ?? 503;
      return new HTTPError({
        ...base,
        phase: 'submit',
        statusCode,
        message: `${target.provider} answered HTTP ${statusCode} during submit: ${message}`,
        ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
      });
    }
    case 'HTTPConnectionError':
      return new HTTPConnectionError({ ...base, phase: 'submit', message, code: 'ECONNREFUSED' });
    case 'ValidationError':
      return new ValidationError({ ...base, issues: [{ field: 'request', message }] });
    case 'ContentModerationError':
      return new ContentModerationError({ ...base, phase: 'status', message });
    case 'TimeoutError':
      return new TimeoutError({ ...base, phase: 'status', message, timeoutMs: 0 });
    case 'GenerationFailedError':
      return new GenerationFailedError({ ...base, phase: 'status', message });
  }
}
