import { ContentModerationError, GenerationFailedError, HTTPError, ValidationError } from '@tarash/core';
import { FAKE_FAL_KEY } from '@tarash/testing/fal';
import { rejectionOf } from '@tarash/testing/helpers';
import { describe, expect, it } from 'vitest';
import { BACKUP_VIDEO, backupConfig, useFalHarness } from './support/fal-harness';

const MODEL = 'fal-ai/veo3.1';
const request = { prompt: 'A calm lake at sunrise', durationSeconds: 4 };

const h = useFalHarness({ runMs: 20 });

describe('fal 422 at submit', () => {
  it('is a ValidationError naming fal fields, values and allowed values (detail list)', async () => {
    h.fal.injectFault({
      phase: 'submit',
      fault: {
        kind: 'respond',
        status: 422,
        headers: { 'x-fal-retryable': 'false' },
        body: {
          detail: [
            { loc: ['body', 'duration'], msg: "Input should be '4s', '6s' or '8s'", type: 'literal_error', input: '5s', ctx: { expected: "'4s', '6s' or '8s'" } },
            { loc: ['body', 'loras', 0, 'scale'], msg: 'Input should be less than or equal to 4', type: 'less_than_equal', input: 9, ctx: { le: 4 } },
          ],
        },
      },
    });
    const error = await rejectionOf(h.gateway.generateVideo(h.config(MODEL, { fallbackConfigs: [backupConfig] }), request));
    expect(error).toBeInstanceOf(ValidationError);
    const validation = error as ValidationError;
    expect(validation.issues).toEqual([
      { field: 'duration', value: '5s', message: "Input should be '4s', '6s' or '8s' [literal_error]", allowed: ['4s', '6s', '8s'] },
      { field: 'loras[0].scale', value: 9, message: 'Input should be less than or equal to 4 [less_than_equal]' },
    ]);
    expect(validation.statusCode).toBe(422);
    expect(validation.message).toContain('duration = "5s"');
    expect(h.backup.calls).toBe(0);
  });

  it('is a ValidationError on the whole body for a string detail', async () => {
    h.fal.injectFault({ phase: 'submit', fault: { kind: 'respond', status: 422, body: { detail: 'Input could not be parsed' } } });
    const error = await rejectionOf(h.gateway.generateVideo(h.config(MODEL), request));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([{ field: '(body)', message: 'Input could not be parsed [value_error]' }]);
  });
});

describe('a job that completes with an error', () => {
  it('a content-policy refusal is a ContentModerationError and never falls back', async () => {
    h.fal.scriptNext({ outcome: 'moderation' });
    const error = await rejectionOf(h.gateway.generateVideo(h.config(MODEL, { fallbackConfigs: [backupConfig] }), request));
    expect(error).toBeInstanceOf(ContentModerationError);
    expect(error).toMatchObject({ isRetryable: false, provider: 'fal' });
    expect(h.backup.calls).toBe(0);
    expect(h.fal.countRequests({ phase: 'submit' })).toBe(1);
  });

  it('a late 422 (validation in the model runner) is a ValidationError with the fields', async () => {
    h.fal.scriptNext({
      outcome: {
        error: 'Invalid input',
        errorType: 'validation_error',
        httpStatus: 422,
        retryable: false,
        body: { detail: [{ loc: ['body', 'image_url'], msg: 'Image too small', type: 'image_too_small', input: 'https://x.example/a.png', ctx: { min_height: 512, min_width: 512 } }] },
      },
    });
    const error = await rejectionOf(h.gateway.generateVideo(h.config(MODEL, { fallbackConfigs: [backupConfig] }), request));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([{ field: 'image_url', value: 'https://x.example/a.png', message: 'Image too small [image_too_small]' }]);
  });

  it('a generation failure is a GenerationFailedError: resubmitted within maxRetries, then the fallback', async () => {
    h.fal.scriptNext({ outcome: { error: 'CUDA out of memory', errorType: 'runner_server_error', httpStatus: 500 } }, 2);
    const response = await h.gateway.generateVideo(h.config(MODEL, { maxRetries: 1, fallbackConfigs: [backupConfig] }), request);
    expect(response.video).toBe(BACKUP_VIDEO);
    expect(h.fal.countRequests({ phase: 'submit' })).toBe(2);
    expect(response.executionMetadata.attempts[0]).toMatchObject({ status: 'failed', errorType: 'GenerationFailedError', retries: 1 });
    expect(response.executionMetadata.attempts[0]?.errorMessage).toContain('[runner_server_error]: CUDA out of memory');
  });

  it('a failure fal marks x-fal-retryable: false stops the chain', async () => {
    h.fal.scriptNext({ outcome: { error: 'Unsupported input', errorType: 'bad_request', httpStatus: 400, retryable: false } });
    const error = await rejectionOf(h.gateway.generateVideo(h.config(MODEL, { fallbackConfigs: [backupConfig] }), request));
    expect(error).toBeInstanceOf(GenerationFailedError);
    expect(error).toMatchObject({ isRetryable: false, providerErrorType: 'bad_request' });
    expect(h.backup.calls).toBe(0);
  });
});

describe('auth and secrets', () => {
  it('a wrong key is a non-retryable 401 whose error never holds the key', async () => {
    const key = 'wrong-key-id:wrong-key-secret-123456';
    const error = await rejectionOf(h.gateway.generateVideo(h.config(MODEL, { apiKey: key, fallbackConfigs: [backupConfig] }), request));
    expect(error).toBeInstanceOf(HTTPError);
    expect(error).toMatchObject({ statusCode: 401, isRetryable: false });
    const text = `${String(error)} ${JSON.stringify(error)} ${error.stack}`;
    expect(text).not.toContain('wrong-key-secret-123456');
    expect(text).not.toContain('wrong-key-id');
  });

  it('a provider error echoing the Authorization header is redacted', async () => {
    h.fal.injectFault({ phase: 'submit', fault: { kind: 'respond', status: 400, body: { detail: `bad header Authorization: Key ${FAKE_FAL_KEY}` } } });
    const error = await rejectionOf(h.gateway.generateVideo(h.config(MODEL), request));
    expect(JSON.stringify(error)).not.toContain(FAKE_FAL_KEY.split(':')[1]);
    expect(error.message).not.toContain(FAKE_FAL_KEY.split(':')[1]);
  });
});

describe('validation before anything is sent', () => {
  it('a value the endpoint does not allow (extraParams) names fal field, value and allowed values', async () => {
    const error = await rejectionOf(h.gateway.generateVideo(h.config(MODEL), { ...request, extraParams: { aspect_ratio: '4:3' } }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([{ field: 'aspect_ratio', value: '4:3', message: 'is not one of the allowed values', allowed: ['16:9', '9:16'] }]);
    expect(h.fal.countRequests()).toBe(0);
  });

  it('a video endpoint through generateImage is a ValidationError', async () => {
    const error = await rejectionOf(h.gateway.generateImage(h.config(MODEL), { prompt: 'x' }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]).toMatchObject({ field: 'config.model', value: MODEL, message: 'is a fal video endpoint; use generateVideo' });
    expect(h.fal.countRequests()).toBe(0);
  });
});
