import { ContentModerationError, HTTPError, ValidationError, type HttpFailure } from '@tarash/core';
import { describe, expect, it } from 'vitest';
import { stabilityHttpError } from './stability-error';

function failure(status: number, body: unknown, extra: Partial<HttpFailure> = {}): HttpFailure {
  return { status, headers: new Headers(), body, phase: 'generate', provider: 'stability', model: 'stable-image-core', ...extra };
}

const envelope = (name: string, ...errors: string[]) => ({ id: 'a1b2c3', name, errors });
const context = { rateLimitTimeoutMs: 60_000 };

describe('stabilityHttpError', () => {
  it('maps 403 and 422 public_figure to ContentModerationError', () => {
    const moderated = stabilityHttpError(failure(403, envelope('content_moderation', 'Your request was flagged')), context);
    expect(moderated).toBeInstanceOf(ContentModerationError);
    expect(moderated).toMatchObject({ isRetryable: false, requestId: 'a1b2c3' });
    expect(moderated.message).toContain('content_moderation: Your request was flagged');
    expect(stabilityHttpError(failure(422, envelope('public_figure', 'prompt: contains a public figure')), context)).toBeInstanceOf(ContentModerationError);
  });

  it('maps 400 field lines to a ValidationError naming each field', () => {
    const error = stabilityHttpError(failure(400, envelope('bad_request', 'prompt: cannot be empty', 'seed: must be <= 4294967294', 'something general')), context);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([
      { field: 'prompt', message: 'cannot be empty' },
      { field: 'seed', message: 'must be <= 4294967294' },
    ]);
    expect(error.message).toContain('stability rejected the request for stable-image-core (HTTP 400)');
  });

  it('waits out the published timeout after a 429 unless Retry-After says otherwise', () => {
    const limited = stabilityHttpError(failure(429, envelope('rate_limit_exceeded', 'You have exceeded the rate limit')), context);
    expect(limited).toMatchObject({ statusCode: 429, isRetryable: true, retryAfterMs: 60_000, jobMayExist: false });
    expect(stabilityHttpError(failure(429, {}, { retryAfterMs: 2000 }), context)).toMatchObject({ retryAfterMs: 2000 });
  });

  it.each([
    [401, 'unauthorized', false, false],
    [413, 'payload_too_large', false, false],
    [500, 'internal_error', true, true],
    [502, 'bad_gateway', true, true],
    [503, 'service_unavailable', true, false],
  ])('maps %i %s to a HTTPError (retryable: %s; may have been billed: %s)', (status, name, retryable, billed) => {
    const error = stabilityHttpError(failure(status, envelope(name, 'details')), context);
    expect(error).toBeInstanceOf(HTTPError);
    expect(error).toMatchObject({ statusCode: status, isRetryable: retryable, jobMayExist: billed, retrySameProvider: true });
    expect(error.message).toBe(`stability answered HTTP ${status} during generate: ${name}: details`);
  });

  it('never retries a 402 (no credits) on Stability, but lets the chain fall back', () => {
    const error = stabilityHttpError(failure(402, envelope('payment_required', 'You lack sufficient credits')), context);
    expect(error).toMatchObject({ statusCode: 402, isRetryable: true, retrySameProvider: false, jobMayExist: false });
    expect(error.message).toBe('stability answered HTTP 402 during generate: payment_required: You lack sufficient credits (not retried on stability; the chain may fall back)');
  });

  it('explains a 404 with the caller-given message, never retried on Stability', () => {
    const retired = stabilityHttpError(failure(404, envelope('not_found', 'gone')), { ...context, notFound: { message: 'the endpoint appears to be retired', fallBack: true } });
    expect(retired).toMatchObject({ statusCode: 404, isRetryable: true, retrySameProvider: false });
    expect(retired.message).toBe('the endpoint appears to be retired (HTTP 404: not_found: gone)');
    const unknown = stabilityHttpError(failure(404, envelope('not_found', 'gone')), { ...context, notFound: { message: 'unknown job', fallBack: false } });
    expect(unknown).toMatchObject({ statusCode: 404, isRetryable: false });
  });

  it('reads bodies that are not the envelope', () => {
    expect(stabilityHttpError(failure(502, '<html>Bad gateway</html>'), context).message).toBe('stability answered HTTP 502 during generate: <html>Bad gateway</html>');
  });
});
