import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  AllProvidersFailedError,
  ContentModerationError,
  HTTPError,
  imageGenerationResponseSchema,
  TimeoutError,
  ValidationError,
  type ImageGenerationRequest,
  type ImageGenerationResponse,
} from '@tarash/core';
import { createPng } from '@tarash/testing';
import { FAKE_STABILITY_KEY, STABILITY_PAYMENT_REQUIRED_MESSAGE, type StabilityFakeServer } from '@tarash/testing/stability';
import { rejectionOf } from '@tarash/testing/helpers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logInto, SECOND_STABILITY_KEY, startStabilityFixture, type StabilityFixture } from '../test-support/stability-fixture';

const PNG = new Uint8Array(createPng({ width: 64, height: 48 }));
const FULL: ImageGenerationRequest = { prompt: 'A calm lake at sunrise', negativePrompt: 'fog', aspectRatio: '16:9', seed: 42, style: 'photographic' };

let fixture: StabilityFixture;

beforeEach(async () => {
  fixture = await startStabilityFixture();
});

afterEach(async () => {
  await fixture.close();
});

/** The last generate request as Stability received it. */
function lastGenerate(server: StabilityFakeServer) {
  const request = server.requests({ phase: 'generate' }).at(-1);
  if (!request) throw new Error('no generate request was recorded');
  const { headers } = request;
  return {
    method: request.method,
    path: request.path,
    authorization: headers.authorization,
    accept: headers.accept,
    contentType: headers['content-type']?.split(';')[0],
    clientHeaders: Object.fromEntries(Object.entries(headers).filter(([name]) => name.startsWith('stability-'))),
    bodyKind: request.bodyKind,
    body: request.body,
  };
}

function bytesOf(response: ImageGenerationResponse): { data: Uint8Array; mediaType: string } {
  const [image] = response.images;
  if (typeof image !== 'object' || image === undefined) throw new Error('expected image bytes');
  return image;
}

describe('stability generateImage through the orchestrator', () => {
  it.each(['stable-image-ultra', 'stable-image-core', 'sd3.5-large', 'sd3.5-large-turbo', 'sd3.5-medium', 'sd3.5-flash'])(
    'sends %s one multipart request (wire snapshot) and returns the PNG bytes',
    async (model) => {
      const response = await fixture.gateway.generateImage(fixture.config(model), FULL);
      expect(imageGenerationResponseSchema.parse(response)).toBeTruthy();
      expect(lastGenerate(fixture.server)).toMatchSnapshot();
      expect(fixture.server.countRequests({ phase: 'generate' })).toBe(1);
      const image = bytesOf(response);
      expect(image.mediaType).toBe('image/png');
      expect([...image.data.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
      expect(response).toMatchObject({ contentType: 'image/png', warnings: [], requestId: expect.stringMatching(/^[0-9a-f]{32}$/) });
      expect(response.rawResponse).toEqual({ contentType: 'image/png', byteLength: image.data.byteLength, finishReason: 'SUCCESS', seed: 42, requestId: response.requestId });
    },
  );

  it.each([
    ['jpeg', 'image/jpeg', [0xff, 0xd8]],
    ['webp', 'image/webp', [0x52, 0x49]],
  ] as const)('returns %s bytes with the media type from the content-type header', async (format, mediaType, signature) => {
    const response = await fixture.gateway.generateImage(fixture.config('stable-image-core'), { prompt: 'x', extraParams: { output_format: format } });
    const image = bytesOf(response);
    expect(image.mediaType).toBe(mediaType);
    expect([...image.data.subarray(0, 2)]).toEqual(signature);
  });

  it('asks for JSON with providerConfig.responseFormat and decodes the base64 image', async () => {
    const response = await fixture.gateway.generateImage(fixture.config('sd3.5-large', { providerConfig: { responseFormat: 'json' } }), { prompt: 'x', extraParams: { output_format: 'webp' } });
    expect(lastGenerate(fixture.server).accept).toBe('application/json');
    const image = bytesOf(response);
    expect(image.mediaType).toBe('image/webp');
    expect(Buffer.from(image.data).toString('latin1', 0, 4)).toBe('RIFF');
    expect(response.rawResponse).toEqual({ image: expect.stringMatching(/^\[\d+ base64 characters, decoded into the result\]$/), seed: expect.any(Number), finish_reason: 'SUCCESS' });
  });

  it('sends the client identification headers from providerConfig', async () => {
    await fixture.gateway.generateImage(fixture.config('stable-image-core', { providerConfig: { clientId: 'my-app', clientUserId: 'user-7', clientVersion: '1.2.3' } }), { prompt: 'x' });
    expect(lastGenerate(fixture.server).clientHeaders).toEqual({ 'stability-client-id': 'my-app', 'stability-client-user-id': 'user-7', 'stability-client-version': '1.2.3' });
  });

  it('sends image-to-image as a file part with strength (ultra) or mode image-to-image (sd3)', async () => {
    const request: ImageGenerationRequest = { prompt: 'x', imageList: [{ image: PNG, type: 'reference' }], extraParams: { strength: 0.3 } };
    await fixture.gateway.generateImage(fixture.config('stable-image-ultra'), request);
    expect(lastGenerate(fixture.server).body).toEqual({
      fields: { prompt: 'x', strength: '0.3' },
      files: { image: { fileName: 'image.png', contentType: 'image/png', size: PNG.byteLength } },
    });
    const sd3 = await fixture.gateway.generateImage(fixture.config('sd3.5-medium'), { ...request, aspectRatio: '1:1' });
    expect(lastGenerate(fixture.server).body).toEqual({
      fields: { prompt: 'x', model: 'sd3.5-medium', mode: 'image-to-image', strength: '0.3' },
      files: { image: { fileName: 'image.png', contentType: 'image/png', size: PNG.byteLength } },
    });
    expect(sd3.warnings).toEqual(['aspectRatio ("1:1") was not sent: not supported by stability sd3.5-medium']);
  });

  it('fails before sending anything when the request is invalid, in mock mode too', async () => {
    const error = await rejectionOf(fixture.gateway.generateImage(fixture.config('stable-image-core'), { prompt: 'x', aspectRatio: '4:3' }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toContain('(allowed: "21:9", "16:9", "3:2", "5:4", "1:1", "4:5", "2:3", "9:16", "9:21")');
    const mock = await rejectionOf(fixture.gateway.generateImage(fixture.config('stable-image-core', { mock: { enabled: true } }), { prompt: 'x', n: 2 }));
    expect(mock).toBeInstanceOf(ValidationError);
    expect(fixture.server.requests()).toHaveLength(0);
  });
});

describe('stability content filtering and moderation', () => {
  it('returns a blurred (CONTENT_FILTERED) image with a warning', async () => {
    fixture.server.scriptNext({ output: { finish_reason: 'CONTENT_FILTERED', seed: 99 } });
    const response = await fixture.gateway.generateImage(fixture.config('stable-image-core'), { prompt: 'x' });
    expect(response.warnings).toEqual(['stability filtered the output (seed 99): finish-reason CONTENT_FILTERED, so the result is blurred']);
    expect(response.images).toHaveLength(1);
  });

  it('raises ContentModerationError for CONTENT_FILTERED with contentFiltered "error", without fallback', async () => {
    fixture.server.scriptNext({ output: { finish_reason: 'CONTENT_FILTERED' } });
    const config = fixture.config('stable-image-core', { providerConfig: { contentFiltered: 'error' }, fallbackConfigs: [fixture.config('sd3.5-medium')] });
    const error = await rejectionOf(fixture.gateway.generateImage(config, { prompt: 'x' }));
    expect(error).toBeInstanceOf(ContentModerationError);
    expect(error.message).toContain('finish-reason CONTENT_FILTERED');
    expect(fixture.server.countRequests({ phase: 'generate' })).toBe(1);
  });

  it('raises ContentModerationError on a 403 and does not fall back', async () => {
    fixture.server.scriptNext({ outcome: 'moderation' });
    const error = await rejectionOf(fixture.gateway.generateImage(fixture.config('stable-image-ultra', { fallbackConfigs: [fixture.config('sd3.5-large')] }), { prompt: 'x' }));
    expect(error).toBeInstanceOf(ContentModerationError);
    expect((error as ContentModerationError).executionMetadata?.attempts.map((a) => a.status)).toEqual(['failed', 'skipped']);
    expect(fixture.server.countRequests({ phase: 'generate' })).toBe(1);
  });
});

describe('stability HTTP errors, retries and billing', () => {
  it('does not retry 401, and never shows the key', async () => {
    const wrongKey = 'sk-not-a-valid-key-for-this-server';
    const unauthorized = await rejectionOf(fixture.gateway.generateImage(fixture.config('stable-image-core', { apiKey: wrongKey, fallbackConfigs: [fixture.config('sd3.5-medium')] }), { prompt: 'x' }));
    expect(unauthorized).toBeInstanceOf(HTTPError);
    expect(unauthorized).toMatchObject({ statusCode: 401, isRetryable: false });
    expect(`${unauthorized.message} ${JSON.stringify(unauthorized)}`).not.toContain(wrongKey);
    expect(fixture.server.countRequests({ phase: 'generate' })).toBe(1);
  });

  it('does not retry a 402 (no credits) on Stability but falls back to the next config', async () => {
    fixture.server.scriptNext({ outcome: { error: STABILITY_PAYMENT_REQUIRED_MESSAGE, httpStatus: 402 } });
    const response = await fixture.gateway.generateImage(fixture.config('stable-image-core', { fallbackConfigs: [fixture.config('sd3.5-medium', { apiKey: SECOND_STABILITY_KEY })] }), { prompt: 'x' });
    expect(response.executionMetadata.attempts).toMatchObject([
      { model: 'stable-image-core', status: 'failed', errorType: 'HTTPError', retries: 0, errorMessage: expect.stringContaining('payment_required') },
      { model: 'sd3.5-medium', status: 'success' },
    ]);
  });

  it('retries a 503 (nothing was generated)', async () => {
    fixture.server.scriptNext({ outcome: { error: 'overloaded', httpStatus: 503 } });
    const response = await fixture.gateway.generateImage(fixture.config('stable-image-core'), { prompt: 'x' });
    expect(response.executionMetadata.attempts[0]).toMatchObject({ status: 'success', retries: 1 });
    expect(fixture.server.countRequests({ phase: 'generate' })).toBe(2);
  });

  it('never resends after a 500 (the image may have been billed) but moves on to the next config', async () => {
    fixture.server.scriptNext({ outcome: { error: 'boom' } });
    const response = await fixture.gateway.generateImage(fixture.config('stable-image-core', { fallbackConfigs: [fixture.config('sd3.5-medium')] }), { prompt: 'x' });
    expect(response.executionMetadata.attempts).toMatchObject([
      { model: 'stable-image-core', status: 'failed', errorType: 'HTTPError', retries: 0 },
      { model: 'sd3.5-medium', status: 'success' },
    ]);
    expect(fixture.server.requests({ phase: 'generate' }).map((r) => r.status)).toEqual([500, 200]);
  });

  it('never resends a request whose connection dropped after sending (it may have been billed); the chain moves on', async () => {
    fixture.server.injectFault({ phase: 'generate', fault: { kind: 'reset' } });
    const response = await fixture.gateway.generateImage(fixture.config('stable-image-core', { fallbackConfigs: [fixture.config('sd3.5-medium')] }), { prompt: 'x' });
    expect(response.executionMetadata.attempts).toMatchObject([
      { model: 'stable-image-core', status: 'failed', errorType: 'HTTPConnectionError', retries: 0 },
      { model: 'sd3.5-medium', status: 'success' },
    ]);
    expect(fixture.server.requests({ phase: 'generate' }).map((r) => r.path)).toEqual(['/v2beta/stable-image/generate/core', '/v2beta/stable-image/generate/sd3']);
  });

  it('downloads a URL input image without sending the API key', async () => {
    const seen: IncomingHttpHeaders[] = [];
    const media: Server = createServer((request, response) => {
      seen.push(request.headers);
      if (request.url === '/missing.png') response.writeHead(404).end();
      else response.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    });
    await new Promise<void>((resolve) => media.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(media.address() as AddressInfo).port}`;
    try {
      const request = (url: string): ImageGenerationRequest => ({ prompt: 'x', imageList: [{ image: url, type: 'reference' }], extraParams: { strength: 0.5 } });
      await fixture.gateway.generateImage(fixture.config('stable-image-ultra'), request(`${origin}/frame.png`));
      expect(lastGenerate(fixture.server).body).toMatchObject({ files: { image: { contentType: 'image/png', size: PNG.byteLength } } });
      expect(seen[0]?.authorization).toBeUndefined();
      const missing = await rejectionOf(fixture.gateway.generateImage(fixture.config('stable-image-ultra'), request(`${origin}/missing.png`)));
      expect(missing).toBeInstanceOf(ValidationError);
      expect(missing.message).toContain('imageList[0] = "http://127.0.0.1:');
      expect(missing.message).toContain('could not be downloaded (HTTP 404)');
    } finally {
      await new Promise<void>((resolve) => media.close(() => resolve()));
    }
  });
});

describe('stability rate limit', () => {
  it('backs off a 429 for the published timeout (no Retry-After is sent), then succeeds', async () => {
    const limited = await startStabilityFixture({ rateLimit: { maxRequests: 1, windowMs: 60_000, timeoutMs: 100 } }, { rateLimit: { limiter: false, timeoutMs: 100 } });
    try {
      await limited.gateway.generateImage(limited.config('stable-image-core'), { prompt: 'first' });
      const response = await limited.gateway.generateImage(limited.config('stable-image-core'), { prompt: 'second' }, logInto(limited));
      expect(response.executionMetadata.attempts[0]).toMatchObject({ status: 'success', retries: 1 });
      expect(limited.server.requests({ phase: 'generate' }).map((r) => r.status)).toEqual([200, 429, 200]);
      expect(limited.logs.map((e) => e.message)).toContainEqual(expect.stringMatching(/^retrying in 100 ms after HTTPError: stability answered HTTP 429 during generate: rate_limit_exceeded: You have exceeded the rate limit of 1 requests/));
    } finally {
      await limited.close();
    }
  });

  it('falls back at once when the 429 timeout does not fit in the deadline', async () => {
    const limited = await startStabilityFixture({ rateLimit: { maxRequests: 1, windowMs: 60_000, timeoutMs: 60_000 } }, { rateLimit: { limiter: false } });
    try {
      await limited.gateway.generateImage(limited.config('stable-image-core'), { prompt: 'first' });
      const config = limited.config('stable-image-core', { timeoutMs: 5_000, fallbackConfigs: [limited.config('stable-image-core', { apiKey: SECOND_STABILITY_KEY })] });
      const response = await limited.gateway.generateImage(config, { prompt: 'second' });
      expect(response.executionMetadata.attempts).toMatchObject([
        { status: 'failed', errorType: 'HTTPError', retries: 0 },
        { status: 'success', attemptNumber: 2 },
      ]);
    } finally {
      await limited.close();
    }
  });

  it('spaces concurrent requests with the client-side limiter so none is refused', async () => {
    const limit = { maxRequests: 3, windowMs: 150 };
    const limited = await startStabilityFixture({ rateLimit: { ...limit, timeoutMs: 60_000 } }, { rateLimit: limit });
    try {
      const responses = await Promise.all(Array.from({ length: 7 }, (_, i) => limited.gateway.generateImage(limited.config('stable-image-core'), { prompt: `image ${i}` })));
      expect(responses).toHaveLength(7);
      expect(limited.server.requests({ phase: 'generate' }).map((r) => r.status)).toEqual(Array(7).fill(200));
    } finally {
      await limited.close();
    }
  });

  it('fails without sending when a 429 blocked the key past the deadline', async () => {
    const limited = await startStabilityFixture({ rateLimit: { maxRequests: 1, windowMs: 60_000, timeoutMs: 60_000 } });
    try {
      await limited.gateway.generateImage(limited.config('stable-image-core'), { prompt: 'first' });
      await rejectionOf(limited.gateway.generateImage(limited.config('stable-image-core', { timeoutMs: 5_000, maxRetries: 0 }), { prompt: 'refused' }));
      const error = await rejectionOf(limited.gateway.generateImage(limited.config('stable-image-core', { timeoutMs: 5_000, maxRetries: 0 }), { prompt: 'held back' }));
      expect(error).toBeInstanceOf(AllProvidersFailedError);
      const [cause] = (error as AllProvidersFailedError).errors;
      expect(cause).toBeInstanceOf(TimeoutError);
      expect(cause?.message).toContain('the client-side rate limiter (150 requests per 10000 ms, or a 429 timeout) has no slot before the deadline; nothing was sent');
      expect(limited.server.requests({ phase: 'generate' }).map((r) => r.status)).toEqual([200, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('stability secrets', () => {
  it('keeps the API key out of errors, logs and recordings', async () => {
    fixture.server.scriptNext({ outcome: { error: 'boom' } }, 3);
    const error = await rejectionOf(fixture.gateway.generateImage(fixture.config('stable-image-core'), { prompt: 'x' }, logInto(fixture)));
    const everything = [error.message, JSON.stringify(error), JSON.stringify(fixture.logs), JSON.stringify(fixture.server.requests())].join('\n');
    expect(everything).not.toContain(FAKE_STABILITY_KEY);
    expect(fixture.server.requests()[0]?.headers.authorization).toBe('[REDACTED]');
  });
});
