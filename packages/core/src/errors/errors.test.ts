import { describe, expect, it } from 'vitest';
import {
  AllProvidersFailedError,
  CancelledError,
  ContentModerationError,
  GenerationFailedError,
  HTTPConnectionError,
  HTTPError,
  TarashError,
  TimeoutError,
  ValidationError,
  errorFromHttpResponse,
} from './index';

const base = { provider: 'fal', model: 'fal-ai/veo3.1', message: 'm' };

describe('error hierarchy', () => {
  it('has a stable isRetryable per class and status', () => {
    expect(new TimeoutError({ ...base, timeoutMs: 1 }).isRetryable).toBe(true);
    expect(new HTTPConnectionError(base).isRetryable).toBe(true);
    expect(new GenerationFailedError(base).isRetryable).toBe(true);
    expect(new ContentModerationError(base).isRetryable).toBe(false);
    expect(new CancelledError(base).isRetryable).toBe(false);
    expect(new ValidationError({ ...base, issues: [{ field: 'f', message: 'bad' }] }).isRetryable).toBe(false);
    for (const status of [408, 409, 429, 500, 502, 503, 504]) expect(new HTTPError({ ...base, statusCode: status }).isRetryable).toBe(true);
    for (const status of [400, 401, 403, 404, 422]) expect(new HTTPError({ ...base, statusCode: status }).isRetryable).toBe(false);
  });

  it('serialises without stack and keeps subclass identity', () => {
    const error = new HTTPError({ ...base, statusCode: 429, retryAfterMs: 1000, requestId: 'r1' });
    expect(error).toBeInstanceOf(TarashError);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'HTTPError',
      message: 'm',
      provider: 'fal',
      model: 'fal-ai/veo3.1',
      isRetryable: true,
      requestId: 'r1',
      statusCode: 429,
      retryAfterMs: 1000,
    });
  });

  it('AllProvidersFailedError carries every error', () => {
    const errors = [new HTTPError({ ...base, statusCode: 503 }), new TimeoutError({ ...base, provider: 'replicate', timeoutMs: 5 })];
    const metadata = { totalAttempts: 2, fallbackTriggered: true, configsInChain: 2, totalElapsedMs: 3, attempts: [] };
    const all = new AllProvidersFailedError(errors, metadata);
    expect(all.errors).toBe(errors);
    expect(all.executionMetadata).toBe(metadata);
    expect(all.cause).toBe(errors[1]);
    expect(all.provider).toBe('replicate');
  });
});

describe('errorFromHttpResponse', () => {
  const input = { provider: 'fal', model: 'm', message: 'nope' };

  it('maps moderation, field errors and plain statuses', () => {
    expect(errorFromHttpResponse({ ...input, statusCode: 422, phase: 'submit', moderation: true })).toBeInstanceOf(ContentModerationError);
    const validation = errorFromHttpResponse({ ...input, statusCode: 422, phase: 'submit', validationIssues: [{ field: 'duration', message: 'bad' }] });
    expect(validation).toBeInstanceOf(ValidationError);
    expect((validation as ValidationError).statusCode).toBe(422);
    expect(errorFromHttpResponse({ ...input, statusCode: 404, phase: 'status' })).toMatchObject({ name: 'HTTPError', isRetryable: false });
  });

  it('marks submits that may have created a job', () => {
    for (const status of [429, 503, 408]) expect(errorFromHttpResponse({ ...input, statusCode: status, phase: 'submit' }).jobMayExist).toBe(false);
    for (const status of [500, 502, 504]) expect(errorFromHttpResponse({ ...input, statusCode: status, phase: 'submit' }).jobMayExist).toBe(true);
    expect(errorFromHttpResponse({ ...input, statusCode: 500, phase: 'status' }).jobMayExist).toBe(false);
    expect(errorFromHttpResponse({ ...input, statusCode: 502, phase: 'generate' }).jobMayExist).toBe(true);
    expect(errorFromHttpResponse({ ...input, statusCode: 503, phase: 'generate' }).jobMayExist).toBe(false);
  });
});
