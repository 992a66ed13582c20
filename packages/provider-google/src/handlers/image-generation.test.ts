import { ContentModerationError, GenerationFailedError } from '@tarash/core';
import { createPng } from '@tarash/testing';
import { IMAGE_OUTPUT_TOKENS, IMAGEN_FILTERED_REASON } from '@tarash/testing/google';
import { rejectionOf } from '@tarash/testing/helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { googleFixture, type GoogleFixture } from '../test-support/google-fixture';
import { startMediaServer, type MediaServer } from '../test-support/media-server';

let f: GoogleFixture;
let images: MediaServer;
const inputPng = createPng({ width: 8, height: 8 });

beforeAll(async () => {
  f = await googleFixture();
  images = await startMediaServer(inputPng, 'image/png', 'input.png');
});

afterAll(async () => {
  await f.close();
  await images.close();
});

const isPng = (output: unknown) => typeof output === 'object' && output !== null && new TextDecoder().decode((output as { data: Uint8Array }).data.subarray(1, 4)) === 'PNG';

describe('Imagen through the orchestrator', () => {
  it('returns the images as PNG bytes with their media type (Gemini API)', async () => {
    const response = await f.gateway.generateImage(f.gemini('imagen-4.0-generate-001'), { prompt: 'A red fox', n: 2, aspectRatio: '4:3' });
    expect(response.images).toHaveLength(2);
    expect(response.images.every(isPng)).toBe(true);
    expect(response.images[0]).toMatchObject({ mediaType: 'image/png' });
    expect(response.contentType).toBe('image/png');
    expect(f.server.requests({ phase: 'predict' }).at(-1)).toMatchObject({
      path: '/v1beta/models/imagen-4.0-generate-001:predict',
      body: { instances: [{ prompt: 'A red fox' }], parameters: { sampleCount: 2, aspectRatio: '4:3', includeRaiReason: true } },
    });
  });

  it('sends seed and storageUri on Vertex AI and returns the gs:// URIs as given', async () => {
    const response = await f.gateway.generateImage(f.vertex('imagen-3.0-generate-002'), { prompt: 'x', seed: 3, extraParams: { addWatermark: false, storageUri: 'gs://b/imgs' } });
    expect(response.images[0]).toMatch(/^gs:\/\/b\/imgs\/[a-z0-9]+\/sample_0\.png$/);
    expect(f.server.requests({ phase: 'predict' }).at(-1)?.body).toMatchObject({ parameters: { seed: 3, addWatermark: false } });
  });

  it('turns filtered images into warnings, and all filtered into ContentModerationError without fallback', async () => {
    const bytes = Buffer.from(createPng({ width: 4, height: 4 })).toString('base64');
    f.server.scriptNext({ output: { predictions: [{ bytesBase64Encoded: bytes, mimeType: 'image/png' }, { raiFilteredReason: IMAGEN_FILTERED_REASON }] } });
    const partial = await f.gateway.generateImage(f.gemini('imagen-4.0-generate-001'), { prompt: 'x', n: 2 });
    expect(partial.images).toHaveLength(1);
    expect(partial.warnings).toEqual([`1 of 2 images were removed by Google's safety filters: ${IMAGEN_FILTERED_REASON}`]);
    f.server.scriptNext({ outcome: 'moderation' });
    const before = f.server.countRequests({ phase: 'generate' });
    const error = await rejectionOf(f.gateway.generateImage(f.gemini('imagen-4.0-generate-001', { fallbackConfigs: [f.gemini('gemini-2.5-flash-image')] }), { prompt: 'x' }));
    expect(error).toBeInstanceOf(ContentModerationError);
    expect(error.message).toContain(IMAGEN_FILTERED_REASON);
    expect(f.server.countRequests({ phase: 'generate' })).toBe(before);
  });

  it('never repeats a generate whose connection dropped after sending (it may have been billed), but falls back', async () => {
    f.server.injectFault({ phase: 'predict', fault: { kind: 'reset' } });
    const before = f.server.countRequests({ phase: 'predict' });
    const response = await f.gateway.generateImage(f.gemini('imagen-4.0-generate-001', { fallbackConfigs: [f.gemini('gemini-2.5-flash-image')] }), { prompt: 'x' });
    expect(f.server.countRequests({ phase: 'predict' })).toBe(before + 1);
    expect(response.executionMetadata).toMatchObject({ successfulAttempt: 2, fallbackTriggered: true });
  });
});

describe('Gemini native image through the orchestrator', () => {
  it('returns the inlineData image with its media type and the token usage as cost', async () => {
    const response = await f.gateway.generateImage(f.gemini('gemini-2.5-flash-image'), { prompt: 'A watercolour fox', aspectRatio: '16:9' });
    expect(response.images).toHaveLength(1);
    expect(isPng(response.images[0])).toBe(true);
    expect(response.requestId).toMatch(/^[a-z0-9]+$/);
    expect(response.cost?.metrics).toMatchObject({ candidatesTokenCount: IMAGE_OUTPUT_TOKENS, 'candidatesTokensDetails.IMAGE': IMAGE_OUTPUT_TOKENS, totalTokenCount: expect.any(Number) });
    expect(JSON.stringify(response.rawResponse)).toMatch(/"data":"\[\d+ base64 characters, returned as bytes\]"/);
  });

  it('sends input images inline, downloading URL inputs first (without Google credentials)', async () => {
    await f.gateway.generateImage(f.vertex('gemini-3-pro-image-preview'), {
      prompt: 'Make it blue',
      imageList: [
        { image: images.url, type: 'reference' },
        { image: 'gs://bucket/style.webp', type: 'style' },
      ],
    });
    const body = f.server.requests({ phase: 'generate' }).at(-1)?.body as { contents: { parts: unknown[] }[] };
    expect(body.contents[0]?.parts).toEqual([
      { text: 'Make it blue' },
      { inlineData: { mimeType: 'image/png', data: Buffer.from(inputPng).toString('base64') } },
      { fileData: { fileUri: 'gs://bucket/style.webp', mimeType: 'image/webp' } },
    ]);
    expect(images.requests.at(-1)).not.toHaveProperty('authorization');
  });

  it('refuses an input that is not an image, naming it', async () => {
    const error = await rejectionOf(f.gateway.generateImage(f.gemini('gemini-2.5-flash-image'), { prompt: 'x', imageList: [{ image: { data: 'aGVsbG8=', mediaType: 'text/plain' }, type: 'reference' }] }));
    expect(error).toMatchObject({ name: 'ValidationError', field: 'imageList[0]', value: 'text/plain' });
  });

  it('maps IMAGE_SAFETY and a blocked prompt to ContentModerationError, NO_IMAGE to a retryable failure', async () => {
    f.server.scriptNext({ outcome: 'moderation' });
    expect(await rejectionOf(f.gateway.generateImage(f.gemini('gemini-2.5-flash-image'), { prompt: 'x' }))).toMatchObject({ name: 'ContentModerationError', message: expect.stringContaining('IMAGE_SAFETY') });
    f.server.scriptNext({ output: { promptFeedback: { blockReason: 'PROHIBITED_CONTENT' } } });
    expect(await rejectionOf(f.gateway.generateImage(f.gemini('gemini-2.5-flash-image'), { prompt: 'x' }))).toMatchObject({ name: 'ContentModerationError', message: expect.stringContaining('PROHIBITED_CONTENT') });
    f.server.scriptNext({ output: { candidates: [{ content: { role: 'model', parts: [{ text: 'I can only describe it.' }] }, finishReason: 'NO_IMAGE' }], responseId: 'r1' } }, 3);
    const failed = await rejectionOf<{ errors: unknown[] }>(f.gateway.generateImage(f.gemini('gemini-2.5-flash-image'), { prompt: 'x' }));
    const error = failed.errors[0];
    expect(error).toBeInstanceOf(GenerationFailedError);
    expect(error).toMatchObject({ isRetryable: true, providerErrorType: 'NO_IMAGE', requestId: 'r1', message: expect.stringContaining('I can only describe it.') });
  });
});
