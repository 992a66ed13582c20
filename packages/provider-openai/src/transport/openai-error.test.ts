import { ContentModerationError, HTTPError, ValidationError, type HttpFailure } from '@tarash/core';
import { describe, expect, it } from 'vitest';
import { videosApiError } from '../videos/videos-api-error';
import { openaiError } from './openai-error';

const failure = (status: number, body: unknown, extra: Partial<HttpFailure> = {}): HttpFailure => ({
  status,
  body,
  headers: new Headers(),
  phase: 'generate',
  provider: 'openai',
  model: 'gpt-image-1',
  ...extra,
});

const error = (fields: Record<string, unknown>) => ({ error: { message: 'm', type: 'invalid_request_error', param: null, code: null, ...fields } });

describe('openaiError', () => {
  it.each(['moderation_blocked', 'content_policy_violation', 'content_filter'])('maps code %s to ContentModerationError', (code) => {
    expect(openaiError(failure(400, error({ code })))).toBeInstanceOf(ContentModerationError);
  });

  it('maps a 400 with param to a ValidationError on that field, and one without to an HTTPError', () => {
    expect(openaiError(failure(400, error({ param: 'size', message: 'bad size' })))).toMatchObject({ name: 'ValidationError', field: 'size', message: expect.stringContaining('bad size') });
    expect(openaiError(failure(400, error({})))).toMatchObject({ name: 'HTTPError', statusCode: 400, isRetryable: false });
    expect(openaiError(failure(400, error({ param: 'size' })))).toBeInstanceOf(ValidationError);
  });

  it('reads Azure\'s {code, message} body and keeps retry-after', () => {
    const azure = openaiError(failure(429, { error: { code: '429', message: 'Requests have exceeded the call rate limit' } }, { retryAfterMs: 3000 }));
    expect(azure).toMatchObject({ name: 'HTTPError', statusCode: 429, retryAfterMs: 3000, isRetryable: true, jobMayExist: false });
    expect(azure.message).toContain('exceeded the call rate limit');
  });

  it('marks a 5xx after a generate as possibly billed, except 503', () => {
    expect(openaiError(failure(500, error({ type: 'server_error' })))).toMatchObject({ jobMayExist: true, isRetryable: true });
    expect(openaiError(failure(503, error({ type: 'server_error' })))).toMatchObject({ jobMayExist: false, isRetryable: true });
    expect(openaiError(failure(500, error({}), { phase: 'status' }))).toMatchObject({ jobMayExist: false });
  });
});

describe('videosApiError', () => {
  it('reads 410, and a 404 about no particular video or model, as the shut-down API', () => {
    for (const status of [404, 410]) {
      const gone = videosApiError(failure(status, error({ message: 'Invalid URL (POST /v1/videos)' }), { phase: 'submit' }));
      expect(gone).toBeInstanceOf(HTTPError);
      expect(gone).toMatchObject({ isRetryable: false, message: expect.stringContaining('appears to be shut down') });
    }
  });

  it('keeps a missing video or model an ordinary 404', () => {
    for (const body of [error({ code: 'not_found' }), error({ param: 'video_id' }), error({ code: 'model_not_found' })]) {
      expect(videosApiError(failure(404, body, { phase: 'status' })).message).not.toContain('shut down');
    }
  });
});
