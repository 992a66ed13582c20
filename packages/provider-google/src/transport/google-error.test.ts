import { ContentModerationError, GenerationFailedError, HTTPError, ValidationError, type HttpFailure } from '@tarash/core';
import { describe, expect, it } from 'vitest';
import { googleHttpError, operationError } from './google-error';

const failure = (status: number, body: unknown, extra: Partial<HttpFailure> = {}): HttpFailure => ({
  status,
  headers: new Headers(),
  body,
  phase: 'submit',
  provider: 'google',
  model: 'm',
  ...extra,
});
const envelope = (code: number, status: string, message: string, details: unknown[] = []) => ({ error: { code, status, message, details } });

describe('googleHttpError', () => {
  it('honours RetryInfo.retryDelay over Retry-After and marks a 429 submit as not accepted', () => {
    const error = googleHttpError(failure(429, envelope(429, 'RESOURCE_EXHAUSTED', 'Quota', [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '1.5s' }]), { retryAfterMs: 9000 }));
    expect(error).toBeInstanceOf(HTTPError);
    expect(error).toMatchObject({ statusCode: 429, retryAfterMs: 1500, isRetryable: true, jobMayExist: false });
    expect(googleHttpError(failure(429, envelope(429, 'RESOURCE_EXHAUSTED', 'Quota'), { retryAfterMs: 9000 }))).toMatchObject({ retryAfterMs: 9000 });
  });

  it('treats RESOURCE_EXHAUSTED as a retryable 429 whatever the HTTP status says', () => {
    expect(googleHttpError(failure(403, envelope(403, 'RESOURCE_EXHAUSTED', 'Billing quota')))).toMatchObject({ statusCode: 429, isRetryable: true });
  });

  it('maps a safety refusal in INVALID_ARGUMENT to ContentModerationError', () => {
    const body = envelope(400, 'INVALID_ARGUMENT', "Image generation failed with the following error: The prompt could not be submitted. This prompt contains sensitive words that violate Google's Responsible AI practices.");
    expect(googleHttpError(failure(400, body))).toBeInstanceOf(ContentModerationError);
  });

  it('maps INVALID_ARGUMENT to a ValidationError, without field violations to one on "request"', () => {
    const error = googleHttpError(failure(400, envelope(400, 'INVALID_ARGUMENT', 'durationSeconds out of bound.')));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'request', statusCode: 400, isRetryable: false });
  });

  it('keeps 500 and 504 at submit as "job may exist", 503 as not accepted, and reads non-JSON bodies', () => {
    expect(googleHttpError(failure(500, envelope(500, 'INTERNAL', 'x')))).toMatchObject({ isRetryable: true, jobMayExist: true });
    expect(googleHttpError(failure(504, envelope(504, 'DEADLINE_EXCEEDED', 'x')))).toMatchObject({ jobMayExist: true });
    expect(googleHttpError(failure(503, envelope(503, 'UNAVAILABLE', 'x')))).toMatchObject({ jobMayExist: false });
    expect(googleHttpError(failure(502, '<html>Bad Gateway</html>')).message).toContain('<html>Bad Gateway</html>');
    expect(googleHttpError(failure(404, envelope(404, 'NOT_FOUND', 'models/x is not found'), { phase: 'status' }))).toMatchObject({ statusCode: 404, isRetryable: false });
  });
});

describe('operationError', () => {
  const target = { provider: 'google', model: 'm', requestId: 'models/m/operations/o' };

  it.each([
    [14, true],
    [13, true],
    [4, true],
    [8, true],
    [3, false],
    [9, false],
    [7, false],
  ])('code %i is retryable: %s', (code, retryable) => {
    const error = operationError({ code, message: 'failed' }, target, {});
    expect(error).toBeInstanceOf(GenerationFailedError);
    expect(error.isRetryable).toBe(retryable);
  });

  it('treats a usage-guidelines failure as moderation', () => {
    expect(operationError({ code: 3, message: 'The prompt violates our usage guidelines.' }, target, {})).toBeInstanceOf(ContentModerationError);
  });
});
