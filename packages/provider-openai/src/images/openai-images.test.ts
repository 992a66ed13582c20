import { ContentModerationError, HTTPError, ValidationError, imageGenerationResponseSchema } from '@tarash/core';
import { rejectionOf } from '@tarash/testing/helpers';
import { FAKE_OPENAI_KEY, openaiErrorBody, openaiRateLimitFault } from '@tarash/testing/openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contractsDir, openaiFixture, type OpenAIFixture } from '../test-support/openai-fixture';

let fx: OpenAIFixture;

beforeEach(async () => {
  fx = await openaiFixture();
});

afterEach(async () => {
  await fx.close();
});

const lastBody = (phase: 'image-generate' | 'image-edit') => fx.server.requests({ phase }).at(-1)?.body;

describe('OpenAI images through the orchestrator', () => {
  it('sends the mapped gpt-image body, returns bytes typed by output_format and records token usage', async () => {
    const response = await fx.gateway.generateImage(fx.openai('gpt-image-1'), { prompt: 'a lake', aspectRatio: '3:2', n: 2, quality: 'low', extraParams: { output_format: 'webp' } });
    expect(lastBody('image-generate')).toMatchInlineSnapshot(`
      {
        "model": "gpt-image-1",
        "n": 2,
        "output_format": "webp",
        "prompt": "a lake",
        "quality": "low",
        "size": "1536x1024",
      }
    `);
    expect(imageGenerationResponseSchema.parse(response)).toBeTruthy();
    expect(response.images).toHaveLength(2);
    const [first] = response.images;
    expect(first).toMatchObject({ mediaType: 'image/webp' });
    expect(typeof first === 'object' && new TextDecoder().decode(first.data.subarray(8, 12))).toBe('WEBP');
    expect(response.contentType).toBe('image/webp');
    expect([response.width, response.height]).toEqual([1536, 1024]);
    expect(response.cost?.metrics).toEqual({
      inputTokens: expect.any(Number),
      outputTokens: expect.any(Number),
      totalTokens: expect.any(Number),
      inputTextTokens: expect.any(Number),
      inputImageTokens: 0,
    });
    const raw = response.rawResponse as { usage: { total_tokens: number }; data: { b64_json: string }[] };
    expect(response.cost?.metrics.totalTokens).toBe(raw.usage.total_tokens);
    expect(raw.data[0]?.b64_json).toMatch(/^\[\d+ base64 characters; decoded into images\[\]\]$/);
    expect(response.requestId).toMatch(/^req_/);
  });

  it('sends dall-e-3 with style and returns the URL; dall-e-2 with b64_json returns PNG bytes', async () => {
    const dalle3 = await fx.gateway.generateImage(fx.openai('dall-e-3'), { prompt: 'a lake', aspectRatio: '16:9', quality: 'hd', style: 'natural' });
    expect(lastBody('image-generate')).toMatchInlineSnapshot(`
      {
        "model": "dall-e-3",
        "prompt": "a lake",
        "quality": "hd",
        "size": "1792x1024",
        "style": "natural",
      }
    `);
    expect(dalle3.images[0]).toEqual(expect.stringMatching(new RegExp(`^${fx.server.url}/v1/fake-media/images/`)));
    expect(dalle3.contentType).toBe('image/png');
    expect(dalle3.cost).toBeUndefined();
    const dalle2 = await fx.gateway.generateImage(fx.openai('dall-e-2'), { prompt: 'a lake', size: '256x256', extraParams: { response_format: 'b64_json' } });
    expect(lastBody('image-generate')).toMatchInlineSnapshot(`
      {
        "model": "dall-e-2",
        "prompt": "a lake",
        "response_format": "b64_json",
        "size": "256x256",
      }
    `);
    expect(dalle2.images[0]).toMatchObject({ mediaType: 'image/png' });
  });

  it('sends free-form sizes for gpt-image-2', async () => {
    await fx.gateway.generateImage(fx.openai('gpt-image-2'), { prompt: 'a lake', aspectRatio: '16:9', extraParams: { output_format: 'jpeg', output_compression: 80 } });
    expect(lastBody('image-generate')).toMatchInlineSnapshot(`
      {
        "model": "gpt-image-2",
        "output_compression": 80,
        "output_format": "jpeg",
        "prompt": "a lake",
        "size": "1536x864",
      }
    `);
  });

  it('sends an edit as multipart with image[] parts and a mask, downloading URL inputs', async () => {
    const source = await fx.gateway.generateImage(fx.openai('dall-e-2'), { prompt: 'a source image', size: '256x256' });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const response = await fx.gateway.generateImage(fx.openai('gpt-image-1'), {
      prompt: 'add a boat',
      imageList: [
        { image: source.images[0] as string, type: 'reference' },
        { image: { data: png, mediaType: 'image/png' }, type: 'asset' },
      ],
      maskImage: png,
      extraParams: { input_fidelity: 'high' },
    });
    expect(lastBody('image-edit')).toMatchInlineSnapshot(`
      {
        "fields": {
          "input_fidelity": "high",
          "model": "gpt-image-1",
          "prompt": "add a boat",
        },
        "files": {
          "image[]": [
            {
              "contentType": "image/png",
              "fileName": "image-0.png",
              "size": 755,
            },
            {
              "contentType": "image/png",
              "fileName": "image-1.png",
              "size": 12,
            },
          ],
          "mask": {
            "contentType": "image/png",
            "fileName": "mask.png",
            "size": 12,
          },
        },
      }
    `);
    expect(response.cost?.metrics.inputImageTokens).toBeGreaterThan(0);
    expect(fx.server.countRequests({ phase: 'image-media' })).toBe(1);
    expect(fx.server.requests({ phase: 'image-media' })[0]?.headers.authorization).toBeUndefined();
  });

  it('sends a single dall-e-2 edit image as `image`', async () => {
    await fx.gateway.generateImage(fx.openai('dall-e-2'), { prompt: 'x', imageList: [{ image: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), type: 'reference' }] });
    expect(lastBody('image-edit')).toMatchObject({ files: { image: { contentType: 'image/png' } } });
  });

  it('fails before sending when a value is not allowed, listing the allowed values', async () => {
    const error = await rejectionOf(fx.gateway.generateImage(fx.openai('dall-e-3'), { prompt: 'x', size: '512x512' }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toContain('(allowed: "1024x1024", "1792x1024", "1024x1792")');
    expect(fx.server.countRequests()).toBe(0);
  });

  it('maps a 400 naming a param to a ValidationError on that field', async () => {
    fx.server.injectFault({ phase: 'image-generate', fault: { kind: 'respond', status: 400, body: openaiErrorBody({ message: "Invalid value: 'huge'.", param: 'size', code: 'invalid_value' }) } });
    const error = await rejectionOf(fx.gateway.generateImage(fx.openai('gpt-image-1', { fallbackConfigs: [fx.openai('dall-e-3')] }), { prompt: 'x' }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'size', statusCode: 400, isRetryable: false });
    expect(fx.server.countRequests({ phase: 'image-generate' })).toBe(1);
  });

  it('maps moderation to ContentModerationError and does not fall back', async () => {
    fx.server.scriptNextImage({ outcome: 'moderation' });
    const error = await rejectionOf(fx.gateway.generateImage(fx.openai('gpt-image-1', { fallbackConfigs: [fx.openai('dall-e-3')] }), { prompt: 'x' }));
    expect(error).toBeInstanceOf(ContentModerationError);
    expect(error.message).toContain('moderation_blocked');
    expect(fx.server.countRequests({ phase: 'image-generate' })).toBe(1);
  });

  it('retries a 429 after the retry-after-ms the server asked for', async () => {
    fx.server.injectFault({ phase: 'image-generate', fault: openaiRateLimitFault(20) });
    // Backoff alone (60 s) would not fit the 5 s deadline: only the server's 20 ms lets the retry happen.
    const config = fx.openai('gpt-image-1', { timeoutMs: 5_000, backoff: { initialDelayMs: 60_000, maxDelayMs: 60_000 } });
    const response = await fx.gateway.generateImage(config, { prompt: 'x' });
    expect(fx.server.requests({ phase: 'image-generate' }).map((r) => r.status)).toEqual([429, 200]);
    expect(response.executionMetadata.attempts[0]).toMatchObject({ status: 'success', retries: 1 });
  });

  it('does not repeat a generate that failed with a 500 (it may have been billed), but falls back', async () => {
    fx.server.scriptNextImage({ outcome: { error: 'upstream failed', httpStatus: 500 } });
    const response = await fx.gateway.generateImage(fx.openai('gpt-image-1', { fallbackConfigs: [fx.openai('gpt-image-1-mini')] }), { prompt: 'x' });
    expect(fx.server.requests({ phase: 'image-generate' }).map((r) => r.body)).toMatchObject([{ model: 'gpt-image-1' }, { model: 'gpt-image-1-mini' }]);
    expect(response.executionMetadata.attempts[0]).toMatchObject({ status: 'failed', errorType: 'HTTPError', retries: 0 });
  });

  it('retries a 503 (nothing was generated)', async () => {
    fx.server.scriptNextImage({ outcome: { error: 'overloaded', httpStatus: 503 } });
    await fx.gateway.generateImage(fx.openai('gpt-image-1'), { prompt: 'x' });
    expect(fx.server.requests({ phase: 'image-generate' }).map((r) => r.status)).toEqual([503, 200]);
  });

  it('stops at a 401 and never shows the key (error, logs, recordings)', async () => {
    const logs: unknown[] = [];
    const error = await rejectionOf(fx.gateway.generateImage(fx.openai('gpt-image-1', { apiKey: 'sk-wrong-secret-value' }), { prompt: 'x' }, { logger: (event) => void logs.push(event) }));
    expect(logs.length).toBeGreaterThan(0);
    expect(JSON.stringify(logs)).not.toContain('sk-wrong-secret-value');
    expect(error).toBeInstanceOf(HTTPError);
    expect(error).toMatchObject({ statusCode: 401, isRetryable: false });
    expect(JSON.stringify(error)).not.toContain('sk-wrong-secret-value');
    expect(String(error)).not.toContain('sk-wrong-secret-value');
    expect(JSON.stringify(fx.server.requests())).not.toContain(FAKE_OPENAI_KEY);
  });

  it('sends OpenAI-Organization and OpenAI-Project from providerConfig', async () => {
    await fx.gateway.generateImage(fx.openai('gpt-image-1', { providerConfig: { organization: 'org-1', project: 'proj-1' } }), { prompt: 'x' });
    expect(fx.server.requests({ phase: 'image-generate' })[0]?.headers).toMatchObject({ 'openai-organization': 'org-1', 'openai-project': 'proj-1', authorization: '[REDACTED]' });
  });

  it.skipIf(!contractsDir)('has every body checked against the stored OpenAPI document (a bad extraParams value is refused on the wire)', async () => {
    expect(fx.server.validatesContracts).toBe(true);
    const error = await rejectionOf(fx.gateway.generateImage(fx.openai('gpt-image-1'), { prompt: 'x', extraParams: { user: 42 } }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'user', statusCode: 400 });
    expect(fx.takeViolations().map((v) => v.issues.map((i) => i.path.join('.')))).toEqual([['user']]);
  });

  it('runs the real validation and mapping in mock mode without calling OpenAI', async () => {
    const response = await fx.gateway.generateImage(fx.openai('gpt-image-1', { mock: { enabled: true, seed: 1 } }), { prompt: 'x', seed: 2 });
    expect(response.isMock).toBe(true);
    expect(response.warnings).toEqual(['seed (2) was not sent: not supported by openai gpt-image-1']);
    await expect(fx.gateway.generateImage(fx.openai('dall-e-3', { mock: { enabled: true } }), { prompt: 'x', n: 3 })).rejects.toBeInstanceOf(ValidationError);
    expect(fx.server.countRequests()).toBe(0);
  });
});
