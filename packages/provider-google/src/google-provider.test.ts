import { ValidationError, createGateway, passthrough, type ExtraParamsFor, type KnownModelId } from '@tarash/core';
import { FAKE_GOOGLE_ACCESS_TOKEN, FAKE_GOOGLE_API_KEY } from '@tarash/testing/google';
import { rejectionOf } from '@tarash/testing/helpers';
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { googleProvider } from './google-provider';
import type { VeoExtraParams } from './models/google-model-params';
import { FAST, googleFixture, type GoogleFixture } from './test-support/google-fixture';

let f: GoogleFixture;

beforeAll(async () => {
  f = await googleFixture();
});

afterAll(async () => {
  await f.close();
});

afterEach(() => {
  vi.unstubAllEnvs();
});

const request = { prompt: 'A red fox', aspectRatio: '1:1' } as const;

describe('googleProvider', () => {
  it('is the "google" plugin and reads GEMINI_API_KEY or GOOGLE_API_KEY', async () => {
    const plugin = googleProvider();
    expect(plugin).toMatchObject({ name: 'google', apiKeyEnvVars: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'] });
    vi.stubEnv('GEMINI_API_KEY', '');
    vi.stubEnv('GOOGLE_API_KEY', FAKE_GOOGLE_API_KEY);
    const response = await f.gateway.generateImage({ provider: 'google', model: 'gemini-2.5-flash-image', baseUrl: f.server.url }, request);
    expect(response.images).toHaveLength(1);
  });

  it('refuses a Gemini API config without a key before sending anything', async () => {
    vi.stubEnv('GEMINI_API_KEY', '');
    vi.stubEnv('GOOGLE_API_KEY', '');
    const before = f.server.countRequests();
    const error = await rejectionOf(f.gateway.generateImage({ provider: 'google', model: 'gemini-2.5-flash-image', baseUrl: f.server.url }, request));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toContain('GEMINI_API_KEY / GOOGLE_API_KEY');
    expect(f.server.countRequests()).toBe(before);
  });

  it('takes default settings, e.g. Vertex AI for every config, which then needs no API key', async () => {
    const plugin = googleProvider({ project: 'demo-project', accessToken: FAKE_GOOGLE_ACCESS_TOKEN });
    expect(plugin.authOptional?.({ provider: 'google', model: 'm' })).toBe(true);
    expect(googleProvider().authOptional?.({ provider: 'google', model: 'm' })).toBe(false);
    const gateway = createGateway({ providers: [plugin] });
    const response = await gateway.generateImage({ provider: 'google', model: 'imagen-4.0-fast-generate-001', baseUrl: f.server.url, ...FAST }, request);
    expect(response.images).toHaveLength(1);
    expect(f.server.requests({ phase: 'predict' }).at(-1)?.path).toBe('/v1/projects/demo-project/locations/us-central1/publishers/google/models/imagen-4.0-fast-generate-001:predict');
  });

  it('runs the real validation and mapping in mock mode', async () => {
    const mock = { provider: 'google', model: 'veo-3.1-fast-generate-preview', apiKey: 'unused', mock: { enabled: true, responses: [{ weight: 1, delayMs: 0 }] } };
    expect((await f.gateway.generateVideo(mock, { prompt: 'x', durationSeconds: 6 })).isMock).toBe(true);
    expect(await rejectionOf(f.gateway.generateVideo(mock, { prompt: 'x', durationSeconds: 7 }))).toBeInstanceOf(ValidationError);
  });

  it('lets registerProviderFieldMapping replace a model mapping', async () => {
    const gateway = createGateway({ providers: [googleProvider()] });
    gateway.registerProviderFieldMapping('google', 'imagen-4.0-generate-001', { prompt: passthrough('prompt'), sampleCount: () => 2 });
    const response = await gateway.generateImage(f.gemini('imagen-4.0-generate-001'), { prompt: 'x', n: 3 });
    expect(f.server.requests({ phase: 'predict' }).at(-1)?.body).toEqual({ instances: [{ prompt: 'x' }], parameters: { sampleCount: 2 } });
    expect(response.warnings).toEqual(['n (3) was not sent: not supported by google imagen-4.0-generate-001']);
  });

  it('types model ids and extraParams through the core model registry', () => {
    expectTypeOf<'veo-3.1-generate-preview'>().toMatchTypeOf<KnownModelId<'google'>>();
    expectTypeOf<ExtraParamsFor<'google', 'veo-3.1-generate-preview'>>().toEqualTypeOf<VeoExtraParams>();
    // @ts-expect-error — "everyone" is not a personGeneration value
    const wrong: ExtraParamsFor<'google', 'veo-2.0-generate-001'> = { personGeneration: 'everyone' };
    expect(wrong).toBeDefined();
  });
});
