import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMAGE_OUTPUT_TOKENS } from './google-gemini-image';
import { IMAGEN_FILTERED_REASON } from './google-imagen';
import { GoogleFakeServer, startGoogleServer } from './google-server';
import { call, vertexHeaders, vertexModelPath } from './test-support/google-http';

let google: GoogleFakeServer;

beforeAll(async () => {
  google = await startGoogleServer();
});

afterAll(async () => {
  await google.close();
});

/** Width and height from a PNG's IHDR. */
function pngSize(base64: string): { width: number; height: number } {
  const bytes = Buffer.from(base64, 'base64');
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const imagenPath = '/v1beta/models/imagen-4.0-generate-001:predict';

describe('Imagen predict', () => {
  it('returns one PNG per sample at the aspect ratio and size tier', async () => {
    const answer = await call(google, 'POST', imagenPath, { body: { instances: [{ prompt: 'a fox' }], parameters: { sampleCount: 3, aspectRatio: '16:9', sampleImageSize: '2K' } } });
    expect(answer.status).toBe(200);
    const predictions = answer.body.predictions as { bytesBase64Encoded: string; mimeType: string }[];
    expect(predictions).toHaveLength(3);
    expect(predictions.every((p) => p.mimeType === 'image/png')).toBe(true);
    const { width, height } = pngSize(predictions[0]?.bytesBase64Encoded ?? '');
    expect(width).toBeGreaterThan(height);
    expect(Math.abs(width / height - 16 / 9)).toBeLessThan(0.02);
    expect(width * height).toBeGreaterThan(1024 * 1024 * 3);
  });

  it('filters every image: raiFilteredReason entries with includeRaiReason, else no predictions', async () => {
    google.scriptNext({ outcome: 'moderation' }, 2);
    const withReason = await call(google, 'POST', imagenPath, { body: { instances: [{ prompt: 'x' }], parameters: { sampleCount: 1, includeRaiReason: true } } });
    expect(withReason.body).toEqual({ predictions: [{ raiFilteredReason: IMAGEN_FILTERED_REASON }] });
    expect((await call(google, 'POST', imagenPath, { body: { instances: [{ prompt: 'x' }], parameters: { sampleCount: 1 } } })).body).toEqual({});
  });

  it('refuses Vertex-only parameters and sampleCount outside 1..4 on the Gemini API', async () => {
    const refused = await call(google, 'POST', imagenPath, { body: { instances: [{ prompt: 'x' }], parameters: { sampleCount: 5, seed: 1, negativePrompt: 'blur' } } });
    expect(refused.status).toBe(400);
    expect((refused.body.error as { message: string }).message).toContain('parameters.sampleCount: must be an integer from 1 to 4; got 5');
    expect((refused.body.error as { message: string }).message).toContain('parameters.seed: seed is only supported on Vertex AI');
  });

  it('takes seed and storageUri on Vertex and answers Cloud Storage URIs', async () => {
    const answer = await call(google, 'POST', `${vertexModelPath('imagen-3.0-generate-002')}:predict`, {
      body: { instances: [{ prompt: 'x' }], parameters: { sampleCount: 1, seed: 5, addWatermark: false, storageUri: 'gs://bucket/img' } },
      headers: vertexHeaders,
    });
    expect(answer.status).toBe(200);
    expect((answer.body.predictions as { gcsUri: string }[])[0]?.gcsUri).toMatch(/^gs:\/\/bucket\/img\/[a-z0-9]+\/sample_0\.png$/);
  });

  it('answers a scripted failure in the Google error envelope after the scripted delay', async () => {
    google.scriptNext({ runMs: 20, outcome: { error: 'The service is currently unavailable.', errorType: 'UNAVAILABLE' } });
    const answer = await call(google, 'POST', imagenPath, { body: { instances: [{ prompt: 'x' }] } });
    expect(answer).toMatchObject({ status: 503, body: { error: { code: 503, status: 'UNAVAILABLE', message: 'The service is currently unavailable.' } } });
  });
});

describe('Gemini image generateContent', () => {
  const path = '/v1beta/models/gemini-2.5-flash-image:generateContent';
  const request = (config: Record<string, unknown>, extraParts: unknown[] = []) => ({
    contents: [{ role: 'user', parts: [{ text: 'A watercolour fox' }, ...extraParts] }],
    generationConfig: config,
  });

  it('answers an inlineData PNG with STOP and usage metadata, with a text part only when TEXT is asked', async () => {
    const input = { inlineData: { mimeType: 'image/png', data: Buffer.from('not really a png').toString('base64') } };
    const answer = await call(google, 'POST', path, { body: request({ responseModalities: ['IMAGE'], imageConfig: { aspectRatio: '9:16' } }, [input]) });
    expect(answer.status).toBe(200);
    const candidate = (answer.body.candidates as { content: { parts: Record<string, { data: string; mimeType: string }>[] }; finishReason: string }[])[0];
    expect(candidate?.finishReason).toBe('STOP');
    expect(candidate?.content.parts).toHaveLength(1);
    const image = candidate?.content.parts[0]?.inlineData;
    expect(image?.mimeType).toBe('image/png');
    const { width, height } = pngSize(image?.data ?? '');
    expect(height).toBeGreaterThan(width);
    expect(answer.body.usageMetadata).toMatchObject({ candidatesTokenCount: IMAGE_OUTPUT_TOKENS, candidatesTokensDetails: [{ modality: 'IMAGE', tokenCount: IMAGE_OUTPUT_TOKENS }] });
    expect(answer.body).toMatchObject({ modelVersion: 'gemini-2.5-flash-image', responseId: expect.any(String) });
    const withText = await call(google, 'POST', path, { body: request({ responseModalities: ['TEXT', 'IMAGE'] }) });
    const parts = (withText.body.candidates as { content: { parts: Record<string, unknown>[] } }[])[0]?.content.parts ?? [];
    expect(parts.map((part) => Object.keys(part)[0])).toEqual(['text', 'inlineData']);
  });

  it('blocks an unsafe image with finishReason IMAGE_SAFETY and no image', async () => {
    google.scriptNext({ outcome: 'moderation' });
    const answer = await call(google, 'POST', path, { body: request({ responseModalities: ['IMAGE'] }) });
    expect(answer.body.candidates).toEqual([{ content: { role: 'model', parts: [] }, finishReason: 'IMAGE_SAFETY', index: 0 }]);
  });

  it('answers a scripted exact output (e.g. a blocked prompt) and refuses empty contents', async () => {
    google.scriptNext({ output: { promptFeedback: { blockReason: 'PROHIBITED_CONTENT' } } });
    expect((await call(google, 'POST', path, { body: request({}) })).body).toEqual({ promptFeedback: { blockReason: 'PROHIBITED_CONTENT' } });
    const empty = await call(google, 'POST', path, { body: { contents: [] } });
    expect(empty).toMatchObject({ status: 400, body: { error: { status: 'INVALID_ARGUMENT' } } });
  });

  it('serves the same method on Vertex AI', async () => {
    const answer = await call(google, 'POST', `${vertexModelPath('gemini-3-pro-image-preview')}:generateContent`, {
      body: request({ responseModalities: ['IMAGE'], imageConfig: { aspectRatio: '1:1', imageSize: '2K' } }),
      headers: vertexHeaders,
    });
    const image = (answer.body.candidates as { content: { parts: { inlineData: { data: string } }[] } }[])[0]?.content.parts[0]?.inlineData;
    expect(pngSize(image?.data ?? '')).toEqual({ width: 2048, height: 2048 });
  });
});
