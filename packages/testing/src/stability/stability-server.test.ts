import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPng } from '../common/media/png';
import { readImageDimensions } from './image-dimensions';
import { STABILITY_MODERATION_MESSAGE, STABILITY_PAYMENT_REQUIRED_MESSAGE } from './stability-errors';
import { FAKE_STABILITY_KEY, StabilityFakeServer, startStabilityServer } from './stability-server';
import { postForm } from './test-requests';

let stability: StabilityFakeServer;

beforeEach(async () => {
  stability = await startStabilityServer();
});

afterEach(async () => {
  await stability.close();
});

const GENERATE = '/v2beta/stable-image/generate';

async function errorBody(response: Response): Promise<{ id: string; name: string; errors: string[] }> {
  return (await response.json()) as { id: string; name: string; errors: string[] };
}

describe('stability generate: transport rules', () => {
  it('refuses a missing, non-Bearer or unknown key with 401 in the {id,name,errors} envelope, never echoing the key', async () => {
    const url = `${stability.url}${GENERATE}/core`;
    const form = () => {
      const data = new FormData();
      data.append('prompt', 'a lake');
      return data;
    };
    const responses = [
      await fetch(url, { method: 'POST', body: form() }),
      await fetch(url, { method: 'POST', body: form(), headers: { authorization: `Key ${FAKE_STABILITY_KEY}` } }),
      await fetch(url, { method: 'POST', body: form(), headers: { authorization: 'Bearer sk-someone-elses-key-123456' } }),
    ];
    for (const response of responses) {
      expect(response.status).toBe(401);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({ id: expect.stringMatching(/^[0-9a-f]{32}$/), name: 'unauthorized', errors: [expect.any(String)] });
      expect(text).not.toContain('sk-');
    }
    expect(stability.requests().map((r) => r.headers.authorization ?? null)).toEqual([null, '[REDACTED]', '[REDACTED]']);
  });

  it('takes multipart only: a JSON body gets 400 bad_request naming the content type', async () => {
    const response = await fetch(`${stability.url}${GENERATE}/ultra`, {
      method: 'POST',
      headers: { authorization: `Bearer ${FAKE_STABILITY_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'a lake' }),
    });
    expect(response.status).toBe(400);
    expect(await errorBody(response)).toMatchObject({ name: 'bad_request', errors: ['content-type: must be multipart/form-data; got application/json'] });
  });

  it('answers 413 payload_too_large above the request limit', async () => {
    const small = await startStabilityServer({ maxRequestBytes: 2048 });
    try {
      const response = await postForm(small, `${GENERATE}/ultra`, { prompt: 'a lake', image: new Uint8Array(4096), strength: 0.5 });
      expect(response.status).toBe(413);
      expect(await errorBody(response)).toMatchObject({ name: 'payload_too_large', errors: [expect.stringContaining('the limit is 2048 bytes')] });
    } finally {
      await small.close();
    }
  });

  it('answers 404 in the envelope for an unknown route', async () => {
    const response = await postForm(stability, '/v2beta/stable-image/generate/turbo', { prompt: 'x' });
    expect(response.status).toBe(404);
    expect(await errorBody(response)).toMatchObject({ name: 'not_found' });
  });
});

describe('stability generate: results', () => {
  it.each([
    ['png', 'image/png', [0x89, 0x50, 0x4e, 0x47]],
    ['jpeg', 'image/jpeg', [0xff, 0xd8, 0xff]],
    ['webp', 'image/webp', [0x52, 0x49, 0x46, 0x46]],
  ] as const)('Accept image/* returns %s bytes with finish-reason, seed and x-request-id headers', async (format, type, signature) => {
    const response = await postForm(stability, `${GENERATE}/core`, { prompt: 'a lake', output_format: format, aspect_ratio: '16:9', seed: 42 }, { accept: 'image/*' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('finish-reason')).toBe('SUCCESS');
    expect(response.headers.get('seed')).toBe('42');
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, signature.length)]).toEqual(signature);
    expect(readImageDimensions(bytes)).toEqual({ format, width: 1344, height: 768 });
  });

  it('Accept application/json returns {image, seed, finish_reason} typed by the image format, without the result headers', async () => {
    const response = await postForm(stability, `${GENERATE}/ultra`, { prompt: 'a lake', output_format: 'webp' }, { accept: 'application/json' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; type=image/webp');
    expect(response.headers.get('finish-reason')).toBeNull();
    expect(response.headers.get('seed')).toBeNull();
    const body = (await response.json()) as { image: string; seed: number; finish_reason: string };
    expect(body).toEqual({ image: expect.any(String), seed: expect.any(Number), finish_reason: 'SUCCESS' });
    expect(body.seed).toBeGreaterThan(0);
    expect(readImageDimensions(Buffer.from(body.image, 'base64'))).toEqual({ format: 'webp', width: 1024, height: 1024 });
  });

  it('refuses an Accept it cannot serve, naming the allowed values', async () => {
    const response = await postForm(stability, `${GENERATE}/core`, { prompt: 'a lake' }, { accept: 'text/html' });
    expect(response.status).toBe(400);
    expect((await errorBody(response)).errors[0]).toContain('must be "image/*" or "application/json"');
  });

  it('keeps the input image size for image-to-image', async () => {
    const image = createPng({ width: 640, height: 320 });
    const ultra = await postForm(stability, `${GENERATE}/ultra`, { prompt: 'a lake', image, strength: 0.4 });
    expect(readImageDimensions(new Uint8Array(await ultra.arrayBuffer()))).toMatchObject({ width: 640, height: 320 });
    const sd3 = await postForm(stability, `${GENERATE}/sd3`, { prompt: 'a lake', mode: 'image-to-image', image, strength: 0.4, aspect_ratio: '16:9' });
    expect(readImageDimensions(new Uint8Array(await sd3.arrayBuffer()))).toMatchObject({ width: 640, height: 320 });
  });

  it.each([
    ['ultra', { prompt: 'x', image: createPng({ width: 8, height: 8 }) }, ['strength: is required when image is provided']],
    ['sd3', { prompt: 'x', mode: 'image-to-image' }, ['image: is required when mode is image-to-image', 'strength: is required when mode is image-to-image']],
    ['core', { prompt: 'x', image: 'https://example.com/a.png' }, ['image: must be a file part, not a text field']],
    ['ultra', { prompt: 'x', image: new Uint8Array([1, 2, 3]), strength: 0.5 }, ['image: must be a jpeg, png or webp image']],
  ] as const)('checks the image rules of %s even without a contract', async (endpoint, form, errors) => {
    const response = await postForm(stability, `${GENERATE}/${endpoint}`, form);
    expect(response.status).toBe(400);
    expect(await errorBody(response)).toMatchObject({ name: 'bad_request', errors });
  });
});

describe('stability generate: scripted outcomes and faults', () => {
  it('reports a blurred result with finish-reason CONTENT_FILTERED and the scripted seed', async () => {
    stability.scriptNext({ output: { finish_reason: 'CONTENT_FILTERED', seed: 7 } });
    const filtered = await postForm(stability, `${GENERATE}/core`, { prompt: 'a lake' });
    expect(filtered.status).toBe(200);
    expect(filtered.headers.get('finish-reason')).toBe('CONTENT_FILTERED');
    expect(filtered.headers.get('seed')).toBe('7');
    const next = await postForm(stability, `${GENERATE}/core`, { prompt: 'a lake' });
    expect(next.headers.get('finish-reason')).toBe('SUCCESS');
  });

  it('refuses moderated content with 403 content_moderation', async () => {
    stability.scriptNext({ outcome: 'moderation' });
    const response = await postForm(stability, `${GENERATE}/sd3`, { prompt: 'something flagged' });
    expect(response.status).toBe(403);
    expect(await errorBody(response)).toMatchObject({ name: 'content_moderation', errors: [STABILITY_MODERATION_MESSAGE] });
  });

  it('renders scripted failures in the envelope with the status name', async () => {
    stability.scriptNext({ outcome: { error: STABILITY_PAYMENT_REQUIRED_MESSAGE, httpStatus: 402 } });
    stability.scriptNext({ outcome: { error: 'boom' } });
    const unpaid = await postForm(stability, `${GENERATE}/core`, { prompt: 'x' });
    expect(unpaid.status).toBe(402);
    expect(await errorBody(unpaid)).toMatchObject({ name: 'payment_required', errors: [STABILITY_PAYMENT_REQUIRED_MESSAGE] });
    const broken = await postForm(stability, `${GENERATE}/core`, { prompt: 'x' });
    expect(broken.status).toBe(500);
    expect(await errorBody(broken)).toMatchObject({ name: 'internal_error', errors: ['boom'] });
  });

  it('checks scripts when they are queued', () => {
    expect(() => stability.scriptNext({ output: { finish_reason: 'BLURRY' as never } })).toThrow('output.finish_reason must be "SUCCESS" or "CONTENT_FILTERED"; got "BLURRY"');
    expect(() => stability.scriptNext({ output: { seed: 4_294_967_295 } })).toThrow('output.seed must be an integer from 0 to 4294967294');
    expect(() => stability.scriptNext({ runMs: -1 })).toThrow('runMs');
  });

  it('applies faults per phase and records them', async () => {
    stability.injectFault({ phase: 'generate', fault: { kind: 'respond', status: 503, body: { id: 'x', name: 'service_unavailable', errors: ['busy'] } } });
    expect((await postForm(stability, `${GENERATE}/core`, { prompt: 'x' })).status).toBe(503);
    expect((await postForm(stability, `${GENERATE}/core`, { prompt: 'x' })).status).toBe(200);
    expect(stability.requests({ phase: 'generate' }).map((r) => [r.fault ?? null, r.status])).toEqual([
      ['respond', 503],
      [null, 200],
    ]);
  });

  it('records multipart bodies as fields and file summaries', async () => {
    await postForm(stability, `${GENERATE}/ultra`, { prompt: 'a lake', strength: 0.5, image: createPng({ width: 4, height: 4 }) });
    expect(stability.requests({ phase: 'generate' })[0]).toMatchObject({
      bodyKind: 'multipart',
      body: { fields: { prompt: 'a lake', strength: '0.5' }, files: { image: { fileName: 'image.bin', contentType: 'application/octet-stream', size: expect.any(Number) } } },
    });
  });
});
