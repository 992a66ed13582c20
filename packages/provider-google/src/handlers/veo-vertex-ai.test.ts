import { ValidationError } from '@tarash/core';
import { FAKE_GOOGLE_ACCESS_TOKEN } from '@tarash/testing/google';
import { rejectionOf } from '@tarash/testing/helpers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { googleFixture, type GoogleFixture } from '../test-support/google-fixture';
import { startMediaServer } from '../test-support/media-server';

let f: GoogleFixture;

beforeEach(async () => {
  f = await googleFixture({ accessTokens: [FAKE_GOOGLE_ACCESS_TOKEN, 'ya29.rotated-token'] });
});

afterEach(async () => {
  await f.close();
});

const MODEL = 'veo-3.1-generate-001';
const request = { prompt: 'A calm lake at sunrise', durationSeconds: 6, seed: 11, generateAudio: false };

describe('Veo on Vertex AI through the orchestrator', () => {
  it('authenticates every call with a token from getAccessToken, polls fetchPredictOperation and returns bytes', async () => {
    const tokens = [FAKE_GOOGLE_ACCESS_TOKEN, 'ya29.rotated-token'];
    let calls = 0;
    const getAccessToken = async () => tokens[Math.min(calls++, 1)] as string;
    f.server.scriptNext({ runMs: 30 });
    const response = await f.gateway.generateVideo(f.vertex(MODEL, { providerConfig: { accessToken: undefined, getAccessToken } }), request);
    const video = response.video as { data: Uint8Array; mediaType: string };
    expect(video.mediaType).toBe('video/mp4');
    expect(response.requestId).toMatch(/^projects\/demo-project\/locations\/us-central1\/publishers\/google\/models\/veo-3\.1-generate-001\/operations\//);
    const submit = f.server.requests({ phase: 'submit' });
    expect(submit.map((entry) => entry.path)).toEqual([`/v1/projects/demo-project/locations/us-central1/publishers/google/models/${MODEL}:predictLongRunning`]);
    expect(submit[0]?.body).toEqual({ instances: [{ prompt: 'A calm lake at sunrise' }], parameters: { durationSeconds: 6, seed: 11, generateAudio: false } });
    const polls = f.server.requests({ phase: 'operation' });
    expect(polls.length).toBeGreaterThanOrEqual(1);
    expect(polls.every((entry) => entry.method === 'POST' && (entry.body as { operationName: string }).operationName === response.requestId)).toBe(true);
    expect(calls).toBe(1 + polls.length);
    for (const entry of f.server.requests()) {
      expect(entry.headers.authorization).toBe('[REDACTED]');
      expect(entry.headers).not.toHaveProperty('x-goog-api-key');
    }
    expect(JSON.stringify(f.server.requests())).not.toContain('rotated-token');
    expect(JSON.stringify(response.rawResponse)).toMatch(/"bytesBase64Encoded":"\[\d+ base64 characters, returned as bytes\]"/);
  });

  it('returns Cloud Storage URIs as given when extraParams.storageUri sends the videos there', async () => {
    const response = await f.gateway.generateVideo(f.vertex('veo-3.0-generate-001', { providerConfig: { apiVersion: 'v1beta1' } }), {
      prompt: 'x',
      numberOfVideos: 2,
      extraParams: { storageUri: 'gs://my-bucket/veo/' },
    });
    const id = f.server.operations()[0]?.id;
    expect(response.videos).toEqual([`gs://my-bucket/veo/${id}/sample_0.mp4`, `gs://my-bucket/veo/${id}/sample_1.mp4`]);
    expect(response.video).toBe(response.videos?.[0]);
    expect(f.server.requests({ phase: 'submit' })[0]?.path.startsWith('/v1beta1/projects/')).toBe(true);
  });

  it('sends gs:// inputs as gcsUri', async () => {
    await f.gateway.generateVideo(f.vertex('veo-2.0-generate-001'), {
      prompt: 'x',
      imageList: [
        { image: 'gs://bucket/first.png', type: 'first_frame' },
        { image: 'gs://bucket/last.jpg', type: 'last_frame' },
      ],
      video: 'gs://bucket/clip.mp4',
    });
    expect((f.server.requests({ phase: 'submit' })[0]?.body as { instances: unknown[] }).instances[0]).toEqual({
      prompt: 'x',
      image: { gcsUri: 'gs://bucket/first.png', mimeType: 'image/png' },
      lastFrame: { gcsUri: 'gs://bucket/last.jpg', mimeType: 'image/jpeg' },
      video: { gcsUri: 'gs://bucket/clip.mp4', mimeType: 'video/mp4' },
    });
  });

  it('downloads a web URL video (without credentials) and sends it as bytes, as Vertex AI takes no URLs', async () => {
    const clip = await startMediaServer(new Uint8Array([0, 0, 0, 24, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d]), 'video/mp4', 'clip.mp4');
    try {
      await f.gateway.generateVideo(f.vertex('veo-3.1-fast-generate-001'), { prompt: 'x', video: clip.url });
      expect((f.server.requests({ phase: 'submit' })[0]?.body as { instances: { video: unknown }[] }).instances[0]?.video).toEqual({ bytesBase64Encoded: 'AAAAGGZ0eXBpc29t', mimeType: 'video/mp4' });
      expect(clip.requests).toHaveLength(1);
      expect(clip.requests[0]).not.toHaveProperty('authorization');
    } finally {
      await clip.close();
    }
  });

  it('needs no API key, but refuses a Vertex config without a token before sending anything', async () => {
    const error = await rejectionOf(f.gateway.generateVideo({ provider: 'google', model: MODEL, baseUrl: f.server.url, providerConfig: { project: 'demo-project' } }, request));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toContain('config.providerConfig.accessToken: Vertex AI needs an OAuth access token');
    expect(f.server.countRequests()).toBe(0);
  });

  it('maps a refused token to a non-retryable 401 and a throwing getAccessToken to a retryable connection error', async () => {
    const refused = await rejectionOf(f.gateway.generateVideo(f.vertex(MODEL, { providerConfig: { accessToken: 'ya29.expired' } }), request));
    expect(refused).toMatchObject({ name: 'HTTPError', statusCode: 401, isRetryable: false });
    expect(refused.message).toContain('UNAUTHENTICATED');
    expect(JSON.stringify(refused)).not.toContain('ya29.expired');
    const failing = () => Promise.reject(new Error('metadata server unreachable'));
    const unreachable = await rejectionOf<{ errors: Error[] }>(f.gateway.generateVideo(f.vertex(MODEL, { maxRetries: 0, providerConfig: { accessToken: undefined, getAccessToken: failing } }), request));
    expect(unreachable.errors[0]).toMatchObject({ name: 'HTTPConnectionError', isRetryable: true, jobMayExist: false });
    expect(unreachable.errors[0]?.message).toContain('metadata server unreachable');
  });
});
