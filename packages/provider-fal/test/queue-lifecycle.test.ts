import { createGateway, imageGenerationResponseSchema, videoGenerationResponseSchema, type ProgressUpdate } from '@tarash/core';
import { describe, expect, it } from 'vitest';
import { falProvider } from '../src/index';
import { untypedEndpointWarning } from '../src/mapping/prepare-fal-request';
import { useFalHarness } from './support/fal-harness';

const h = useFalHarness();

function requestsPerPhase(requestId: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const record of h.fal.requests({ jobId: requestId })) counts[record.phase ?? 'unknown'] = (counts[record.phase ?? 'unknown'] ?? 0) + 1;
  return counts;
}

describe('a job over the status stream', () => {
  it('costs three requests (submit, stream, result) and reports queue position, logs, cost and media facts', async () => {
    h.fal.scriptNext({ queueMs: 60, queuePosition: 2, runMs: 60, logs: ['Loading model', 'Sampling', 'Encoding'], billableUnits: 4 });
    const updates: ProgressUpdate[] = [];
    const response = await h.gateway.generateVideo(h.config('fal-ai/veo3.1'), { prompt: 'A calm lake', durationSeconds: 4 }, { onProgress: (u) => void updates.push(u) });
    expect(videoGenerationResponseSchema.parse(response)).toBeTruthy();
    expect(requestsPerPhase(response.requestId)).toEqual({ submit: 1, stream: 1, result: 1 });
    expect(updates[0]).toMatchObject({ status: 'queued', queuePosition: 2, requestId: response.requestId, provider: 'fal', model: 'fal-ai/veo3.1' });
    expect(updates.flatMap((u) => u.logs ?? [])).toEqual(['Loading model', 'Sampling', 'Encoding']);
    expect(updates.at(-1)?.status).toBe('completed');
    expect(response).toMatchObject({ contentType: 'video/mp4', cost: { metrics: { billableUnits: 4 } }, warnings: [] });
    expect(response.rawResponse).toMatchObject({ video: { url: response.video } });
    const stream = h.fal.requests({ phase: 'stream' })[0];
    expect(stream?.path).toBe(`/fal-ai/veo3.1/requests/${response.requestId}/status/stream`);
    expect(stream?.headers['authorization']).toBe('[REDACTED]');
  });

  it('follows the app-only URLs fal returns for a deep endpoint id', async () => {
    const response = await h.gateway.generateVideo(h.config('fal-ai/veo3.1/fast/image-to-video'), {
      prompt: 'The boat drifts',
      imageList: [{ image: 'https://images.example/frame.png', type: 'first_frame' }],
    });
    expect(h.fal.requests({ jobId: response.requestId }).map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /fal-ai/veo3.1/fast/image-to-video',
      `GET /fal-ai/veo3.1/requests/${response.requestId}/status/stream`,
      `GET /fal-ai/veo3.1/requests/${response.requestId}`,
    ]);
  });
});

describe('a job over polling', () => {
  it('reports every log line once although each poll repeats them, the last ones with COMPLETED too', async () => {
    // Polls 200 ms apart around an 80 ms run: the lines after the first poll arrive with COMPLETED.
    h.fal.scriptNext({ runMs: 80, logs: ['one', 'two', 'three', 'four'] });
    const updates: ProgressUpdate[] = [];
    const response = await h.gateway.generateVideo(
      h.config('fal-ai/veo3.1', { pollIntervalMs: 200, providerConfig: { statusUpdates: 'poll' } }),
      { prompt: 'A calm lake' },
      { onProgress: (u) => void updates.push(u) },
    );
    const counts = requestsPerPhase(response.requestId);
    expect(counts).toMatchObject({ submit: 1, result: 1 });
    expect(counts.stream).toBeUndefined();
    expect(counts.status).toBeGreaterThan(0);
    expect(updates.flatMap((u) => u.logs ?? [])).toEqual(['one', 'two', 'three', 'four']);
  });
});

describe('images', () => {
  it('returns every image with its size', async () => {
    const response = await h.gateway.generateImage(h.config('fal-ai/flux/dev'), { prompt: 'A red bicycle', size: '512x384', n: 2 });
    expect(imageGenerationResponseSchema.parse(response)).toBeTruthy();
    expect(response.images).toHaveLength(2);
    expect(response).toMatchObject({ width: 512, height: 384, contentType: expect.stringMatching(/^image\//) });
  });
});

describe('endpoints without a generated definition', () => {
  it('go through the generic mapping with a warning, for any owner', async () => {
    const model = 'acme-labs/motion-v3/image-to-video';
    const response = await h.gateway.generateVideo(h.config(model), {
      prompt: 'A kite',
      durationSeconds: 5,
      aspectRatio: '16:9',
      imageList: [{ image: 'https://images.example/kite.png', type: 'first_frame' }],
      generateAudio: true,
      extraParams: { motion_strength: 0.7 },
    });
    const [submit] = h.fal.requests({ phase: 'submit' });
    expect(submit?.path).toBe(`/${model}`);
    expect(submit?.body).toEqual({ prompt: 'A kite', duration: 5, aspect_ratio: '16:9', image_url: 'https://images.example/kite.png', motion_strength: 0.7 });
    expect(response.warnings).toEqual([untypedEndpointWarning(model), 'generateAudio (true) was not sent: not supported by fal acme-labs/motion-v3/image-to-video']);
    expect(response.video).toMatch(/^http:\/\/127\.0\.0\.1/);
  });

  it('are never routed to a known endpoint by prefix', async () => {
    const model = 'fal-ai/veo3.1/fast/image-to-video-v2';
    const response = await h.gateway.generateVideo(h.config(model), { prompt: 'x', durationSeconds: 7 });
    expect(response.warnings[0]).toBe(untypedEndpointWarning(model));
    expect(h.fal.requests({ phase: 'submit' })[0]?.body).toEqual({ prompt: 'x', duration: 7 });
  });
});

describe('the plugin under another name', () => {
  it('starts and resumes jobs under that name (e.g. two fal accounts side by side)', async () => {
    const gateway = createGateway({ providers: [{ ...falProvider(), name: 'fal-eu' }] });
    const config = { ...h.config('fal-ai/veo3.1'), provider: 'fal-eu' };
    const started = await gateway.startVideo(config, { prompt: 'A calm lake' });
    expect(started.handle.provider).toBe('fal-eu');
    expect((await gateway.resumeVideo(config, started.handle)).requestId).toBe(started.requestId);
  });
});
