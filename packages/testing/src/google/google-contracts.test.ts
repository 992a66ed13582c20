import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateContracts } from '../helpers';
import { GoogleContracts } from './google-contracts';
import { GoogleFakeServer, startGoogleServer } from './google-server';
import { call, vertexHeaders, vertexModelPath } from './test-support/google-http';

const contractsDir = locateContracts({ skipping: 'the Google contract tests' });

describe.skipIf(contractsDir === undefined)('Google contract validation', () => {
  let google: GoogleFakeServer;

  beforeAll(async () => {
    google = await startGoogleServer({ contractsDir: contractsDir as string });
  });

  afterAll(async () => {
    await google.close();
  });

  it('accepts bodies that follow the reconstructed Veo spec, in either referenceType casing', async () => {
    const image = { bytesBase64Encoded: Buffer.from('png').toString('base64'), mimeType: 'image/png' };
    const body = {
      instances: [{ prompt: 'a fox', referenceImages: [{ image, referenceType: 'ASSET' }, { image, referenceType: 'style' }] }],
      parameters: { aspectRatio: '9:16', durationSeconds: 8, resolution: '1080p', sampleCount: 1, negativePrompt: 'blur', enhancePrompt: true, personGeneration: 'allow_adult' },
    };
    expect((await call(google, 'POST', '/v1beta/models/veo-3.1-generate-preview:predictLongRunning', { body })).status).toBe(200);
  });

  it('refuses a Veo body that breaks the spec with INVALID_ARGUMENT naming the field', async () => {
    const body = { instances: [{ prompt: 'a fox' }], parameters: { aspectRatio: '4:3', durationSeconds: 'eight' } };
    const answer = await call(google, 'POST', '/v1beta/models/veo-3.1-generate-preview:predictLongRunning', { body });
    expect(answer.status).toBe(400);
    const fields = (answer.body.error as { details: { fieldViolations: { field: string }[] }[] }).details[0]?.fieldViolations.map((v) => v.field);
    expect(fields).toEqual(expect.arrayContaining(['parameters.aspectRatio', 'parameters.durationSeconds']));
  });

  it('validates Imagen bodies and Vertex bodies against the same schemas', async () => {
    const bad = await call(google, 'POST', '/v1beta/models/imagen-4.0-generate-001:predict', { body: { instances: [{ prompt: 'x' }], parameters: { sampleCount: 'two' } } });
    expect(bad.status).toBe(400);
    const vertex = await call(google, 'POST', `${vertexModelPath('imagen-4.0-generate-001')}:predict`, {
      body: { instances: [{ prompt: 'x' }], parameters: { sampleCount: 1, seed: 3, addWatermark: false } },
      headers: vertexHeaders,
    });
    expect(vertex.status).toBe(200);
  });

  it('validates generateContent against the Discovery-derived spec (base64 inlineData, typed config)', async () => {
    const path = '/v1beta/models/gemini-2.5-flash-image:generateContent';
    const good = { contents: [{ role: 'user', parts: [{ text: 'x' }, { inlineData: { mimeType: 'image/png', data: 'iVBORw0KGgo=' } }] }], generationConfig: { responseModalities: ['IMAGE'], imageConfig: { aspectRatio: '3:2' } } };
    expect((await call(google, 'POST', path, { body: good })).status).toBe(200);
    const bad = await call(google, 'POST', path, { body: { contents: [{ parts: [{ inlineData: { data: 'not base64!' } }] }], generationConfig: { responseModalities: 'IMAGE' } } });
    expect(bad.status).toBe(400);
    expect((bad.body.error as { message: string }).message).toMatch(/inlineData\.data/);
  });

  it('names a contracts folder without the Google files', () => {
    expect(() => new GoogleContracts('/nonexistent')).toThrow(/has no google.gemini-veo-imagen\.reconstructed\.openapi\.json/);
  });
});
