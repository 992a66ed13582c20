import { describe, expect, it } from 'vitest';
import { AllProvidersFailedError, ContentModerationError, HTTPError, ValidationError } from '../errors/index';
import { createGateway } from '../orchestrator/gateway';
import { inMemoryProvider } from '../test-support/in-memory-provider';
import { imageGenerationResponseSchema, videoGenerationResponseSchema } from '../types/generation-response';
import type { MockConfig } from '../types/mock-config';
import type { ProgressUpdate } from '../types/progress-update';
import { pickWeighted, seededRandom } from './seeded-random';

const fake = inMemoryProvider({ name: 'acme' });
const gateway = createGateway({ providers: [fake.plugin] });
const mockOf = (mock: Omit<MockConfig, 'enabled'> = {}) => ({ provider: 'acme', model: 'm', mock: { enabled: true, ...mock }, backoff: { initialDelayMs: 1 } });

describe('mock mode', () => {
  it('runs the real mapping and returns a realistic response without calling the provider', async () => {
    const updates: ProgressUpdate[] = [];
    const response = await gateway.generateVideo(mockOf({ responses: [{ weight: 1, delayMs: 40 }] }), { prompt: 'lake', durationSeconds: 8, aspectRatio: '9:16' }, {
      onProgress: (u) => {
        updates.push(u);
      },
    });
    videoGenerationResponseSchema.parse(response);
    expect(response).toMatchObject({ isMock: true, duration: 8, aspectRatio: '9:16', contentType: 'video/mp4' });
    expect(response.video).toMatch(/^https:\/\/mock\.tarash\.invalid\/videos\/mock-[0-9a-f]{8}\.mp4$/);
    expect((response.rawResponse as { request: unknown }).request).toEqual({ prompt: 'lake', duration: 8 });
    expect(response.warnings).toEqual([expect.stringMatching(/^aspectRatio/)]);
    expect(updates.map((u) => u.status)).toEqual(['queued', 'processing', 'processing', 'processing', 'completed']);
    expect(fake.calls).toHaveLength(0);
  });

  it('validates like the real provider', async () => {
    await expect(gateway.generateVideo(mockOf(), { prompt: 'lake', durationSeconds: 5 })).rejects.toBeInstanceOf(ValidationError);
  });

  it('draws outcomes reproducibly from the seed', async () => {
    const responses = [
      { weight: 1, delayMs: 0 },
      { weight: 1, delayMs: 0, error: { type: 'HTTPError' as const, statusCode: 400 } },
    ];
    const run = async (seed: number) => {
      const outcomes: string[] = [];
      for (let i = 0; i < 6; i++) {
        const result = await gateway.generateVideo(mockOf({ seed: seed + i, responses }), { prompt: 'x' }).then(
          () => 'ok',
          (e: Error) => e.name,
        );
        outcomes.push(result);
      }
      return outcomes;
    };
    const first = await run(42);
    expect(await run(42)).toEqual(first);
    expect(new Set(first).size).toBe(2);
  });

  it('injected retryable errors drive retries and fallback like real ones', async () => {
    const response = await gateway.generateVideo(
      { ...mockOf({ responses: [{ weight: 1, error: { type: 'HTTPError', statusCode: 503 } }] }), maxRetries: 1, fallbackConfigs: [mockOf({ responses: [{ weight: 1, delayMs: 0 }] })] },
      { prompt: 'x' },
    );
    expect(response.executionMetadata.attempts[0]).toMatchObject({ status: 'failed', errorType: 'HTTPError', retries: 1 });
    expect(response.executionMetadata.successfulAttempt).toBe(2);
  });

  it('injected moderation stops the chain; an injected job failure is retried', async () => {
    await expect(
      gateway.generateVideo({ ...mockOf({ responses: [{ weight: 1, delayMs: 0, error: { type: 'ContentModerationError' } }] }), fallbackConfigs: [mockOf()] }, { prompt: 'x' }),
    ).rejects.toBeInstanceOf(ContentModerationError);
    const failing = await gateway
      .generateVideo({ ...mockOf({ responses: [{ weight: 1, delayMs: 0, error: { type: 'GenerationFailedError', message: 'boom' } }] }), maxRetries: 2 }, { prompt: 'x' })
      .catch((e: unknown) => e);
    expect(failing).toBeInstanceOf(AllProvidersFailedError);
    expect((failing as AllProvidersFailedError).executionMetadata.attempts[0]?.retries).toBe(2);
  });

  it('accepts Error instances as injected errors', async () => {
    const error = new HTTPError({ provider: 'acme', model: 'm', statusCode: 401, message: 'nope' });
    await expect(gateway.generateVideo(mockOf({ responses: [{ weight: 1, error }] }), { prompt: 'x' })).rejects.toBe(error);
  });

  it('merges response overrides and mocks images too', async () => {
    const video = await gateway.generateVideo(mockOf({ responses: [{ weight: 1, delayMs: 0, response: { video: 'https://my.cdn/v.mp4' } }] }), { prompt: 'x' });
    expect(video.video).toBe('https://my.cdn/v.mp4');
    const images = await gateway.generateImage(mockOf({ responses: [{ weight: 1, delayMs: 0 }] }), { prompt: 'x', n: 3, size: '512x768' });
    imageGenerationResponseSchema.parse(images);
    expect(images).toMatchObject({ isMock: true, width: 512, height: 768 });
    expect(images.images).toHaveLength(3);
  });

  it('mock jobs resume from a JSON handle in another gateway', async () => {
    const started = await gateway.startVideo(mockOf({ responses: [{ weight: 1, delayMs: 30 }] }), { prompt: 'x', durationSeconds: 4 });
    expect(started.handle.mock).toBe(true);
    const other = createGateway({ providers: [inMemoryProvider({ name: 'acme' }).plugin] });
    const handle = JSON.parse(JSON.stringify(started.handle));
    const response = await other.resumeVideo(mockOf(), handle);
    expect(response).toMatchObject({ requestId: started.requestId, isMock: true, duration: 4 });
  });
});

describe('seeded random', () => {
  it('picks in proportion to the weights', () => {
    const random = seededRandom(7);
    const counts = [0, 0, 0];
    for (let i = 0; i < 10_000; i++) counts[pickWeighted([1, 2, 7], random)]!++;
    expect(counts[0]! / 10_000).toBeCloseTo(0.1, 1);
    expect(counts[1]! / 10_000).toBeCloseTo(0.2, 1);
    expect(counts[2]! / 10_000).toBeCloseTo(0.7, 1);
  });
});
