import { ValidationError } from '@tarash/core';
import { FAKE_AZURE_OPENAI_KEY } from '@tarash/testing/openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_AZURE_API_VERSION } from './transport/api-target';
import { openaiFixture, type OpenAIFixture } from './test-support/openai-fixture';

let fx: OpenAIFixture;

beforeEach(async () => {
  fx = await openaiFixture({ azureDeployments: { 'team-images': 'gpt-image-1', 'team-sora': 'sora-2' } });
});

afterEach(async () => {
  await fx.close();
});

describe('Azure OpenAI', () => {
  it('generates images on /openai/deployments/{deployment}/images/generations with api-version and the api-key header', async () => {
    const response = await fx.gateway.generateImage(fx.azure('gpt-image-1', { deployment: 'team-images' }), { prompt: 'a lake', aspectRatio: '2:3' });
    const [recorded] = fx.server.requests({ phase: 'image-generate' });
    expect(recorded).toMatchObject({
      path: '/openai/deployments/team-images/images/generations',
      query: { 'api-version': DEFAULT_AZURE_API_VERSION },
      headers: { 'api-key': '[REDACTED]' },
      body: { prompt: 'a lake', size: '1024x1536' },
    });
    expect(recorded?.headers.authorization).toBeUndefined();
    expect(response.images[0]).toMatchObject({ mediaType: 'image/png' });
    expect(JSON.stringify(fx.server.requests())).not.toContain(FAKE_AZURE_OPENAI_KEY);
  });

  it('sends edits to the deployment route, honouring a configured api-version', async () => {
    await fx.gateway.generateImage(fx.azure('gpt-image-1', { deployment: 'team-images', apiVersion: '2025-06-01' }), {
      prompt: 'x',
      imageList: [{ image: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), type: 'reference' }],
    });
    expect(fx.server.requests({ phase: 'image-edit' })[0]).toMatchObject({ path: '/openai/deployments/team-images/images/edits', query: { 'api-version': '2025-06-01' } });
  });

  it('uses the v1 API with the deployment as model when asked', async () => {
    await fx.gateway.generateImage(fx.azure('gpt-image-1', { deployment: 'gpt-image-1', apiStyle: 'v1' }), { prompt: 'x' });
    expect(fx.server.requests({ phase: 'image-generate' })[0]).toMatchObject({ path: '/openai/v1/images/generations', query: {}, body: { model: 'gpt-image-1' } });
  });

  it('runs Sora 2 on the v1 API', async () => {
    fx.server.scriptNextVideo({ runMs: 30 });
    const response = await fx.gateway.generateVideo(fx.azure('sora-2', { deployment: 'sora-2' }), { prompt: 'x', durationSeconds: 4 });
    expect(fx.server.requests({ phase: 'video-submit' })[0]).toMatchObject({ path: '/openai/v1/videos', body: { model: 'sora-2', seconds: '4' } });
    expect(fx.server.requests({ phase: 'video-content' })[0]?.path).toBe(`/openai/v1/videos/${response.requestId}/content`);
    expect(response.video).toMatchObject({ mediaType: 'video/mp4' });
  });

  it('names the missing endpoint before sending anything', async () => {
    const config = { ...fx.azure('gpt-image-1'), providerConfig: {} };
    const error = await fx.gateway.generateImage(config, { prompt: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'config.providerConfig.endpoint' });
    expect(fx.server.countRequests()).toBe(0);
  });

  it('maps Azure\'s 401 body and keeps the key out of the error', async () => {
    const error = await fx.gateway.generateImage(fx.azure('gpt-image-1', {}, { apiKey: 'azure-wrong-key-123456' }), { prompt: 'x' }).catch((e: unknown) => e as Error);
    expect(error).toMatchObject({ name: 'HTTPError', statusCode: 401, isRetryable: false });
    expect((error as Error).message).toContain('Access denied');
    expect(JSON.stringify(error)).not.toContain('azure-wrong-key-123456');
  });
});
