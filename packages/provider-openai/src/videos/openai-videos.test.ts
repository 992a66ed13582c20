import { ContentModerationError, GenerationFailedError, HTTPError, createGateway, videoGenerationResponseSchema, type ProgressUpdate } from '@tarash/core';
import { rejectionOf } from '@tarash/testing/helpers';
import { openaiErrorBody } from '@tarash/testing/openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openaiProvider } from '../openai-provider';
import { openaiFixture, type OpenAIFixture } from '../test-support/openai-fixture';

let fx: OpenAIFixture;

beforeEach(async () => {
  fx = await openaiFixture();
});

afterEach(async () => {
  await fx.close();
});

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

describe('Sora videos through the orchestrator', () => {
  it('submits once, reports queued → processing with progress, and returns the MP4 bytes', async () => {
    fx.server.scriptNextVideo({ queueMs: 40, runMs: 1500 }); // several polls land mid-run even on a loaded machine
    const updates: ProgressUpdate[] = [];
    const response = await fx.gateway.generateVideo(fx.openai('sora-2'), { prompt: 'a lake', durationSeconds: 8, aspectRatio: '16:9' }, { onProgress: (u) => void updates.push(u) });
    expect(fx.server.requests({ phase: 'video-submit' }).map((r) => r.body)).toMatchInlineSnapshot(`
      [
        {
          "model": "sora-2",
          "prompt": "a lake",
          "seconds": "8",
          "size": "1280x720",
        },
      ]
    `);
    expect(videoGenerationResponseSchema.parse(response)).toBeTruthy();
    expect(response.video).toMatchObject({ mediaType: 'video/mp4' });
    expect(typeof response.video === 'object' && new TextDecoder().decode(response.video.data.subarray(4, 8))).toBe('ftyp');
    expect(response).toMatchObject({ contentType: 'video/mp4', duration: 8, resolution: '1280x720', aspectRatio: '16:9', requestId: expect.stringMatching(/^video_/) });
    expect(response.rawResponse).toMatchObject({ status: 'completed', id: response.requestId });
    const statuses = updates.map((u) => u.status);
    expect(statuses[0]).toBe('queued');
    expect(statuses.at(-1)).toBe('completed');
    const progress = updates.filter((u) => u.status === 'processing').map((u) => u.progressPercent ?? 0);
    expect(progress.some((p) => p > 0 && p < 100)).toBe(true);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(fx.server.countRequests({ phase: 'video-submit' })).toBe(1);
    expect(fx.server.countRequests({ phase: 'video-content', jobId: response.requestId })).toBe(1);
  });

  it('returns the content URL without downloading when asked to', async () => {
    const urlFx = await openaiFixture({}, { videoDelivery: 'content-url' });
    try {
      const response = await urlFx.gateway.generateVideo(urlFx.openai('sora-2'), { prompt: 'x' });
      expect(response.video).toBe(`${urlFx.server.url}/v1/videos/${response.requestId}/content`);
      expect(response.warnings.some((w) => w.includes('needs the API key'))).toBe(true);
      expect(urlFx.server.countRequests({ phase: 'video-content' })).toBe(0);
    } finally {
      await urlFx.close();
    }
    expect(() => openaiProvider({ videoDelivery: 'stream' as never })).toThrow('videoDelivery must be one of "bytes", "content-url"; got "stream".');
  });

  it('sends an image given as bytes as a multipart input_reference, and a URL as JSON image_url', async () => {
    await fx.gateway.generateVideo(fx.openai('sora-2-pro'), { prompt: 'animate', resolution: '1024p', imageList: [{ image: PNG, type: 'first_frame' }] });
    expect(fx.server.requests({ phase: 'video-submit' }).at(-1)).toMatchObject({
      bodyKind: 'multipart',
      body: { fields: { model: 'sora-2-pro', prompt: 'animate', size: '1024x1792' }, files: { input_reference: { fileName: 'input_reference.png', contentType: 'image/png', size: PNG.length } } },
    });
    await fx.gateway.generateVideo(fx.openai('sora-2'), { prompt: 'animate', imageList: [{ image: 'https://img.example/frame.png', type: 'reference' }] });
    expect(fx.server.requests({ phase: 'video-submit' }).at(-1)).toMatchObject({ bodyKind: 'json', body: { input_reference: { image_url: 'https://img.example/frame.png' } } });
  });

  it('remixes a finished video by id or by its content URL', async () => {
    const source = await fx.gateway.generateVideo(fx.openai('sora-2'), { prompt: 'a lake' });
    const remix = await fx.gateway.generateVideo(fx.openai('sora-2'), { prompt: 'at night', extraParams: { remixVideoId: source.requestId } });
    expect(fx.server.requests({ phase: 'video-remix', jobId: source.requestId }).map((r) => r.body)).toEqual([{ prompt: 'at night' }]);
    expect(remix.rawResponse).toMatchObject({ remixed_from_video_id: source.requestId });
    await fx.gateway.generateVideo(fx.openai('sora-2'), { prompt: 'in winter', video: `${fx.server.url}/v1/videos/${source.requestId}/content` });
    expect(fx.server.countRequests({ phase: 'video-remix', jobId: source.requestId })).toBe(2);
  });

  it('submits exactly once while status polls and the download fail transiently', async () => {
    fx.server.scriptNextVideo({ runMs: 150 });
    fx.server.injectFault({ phase: 'video-status', times: 2, fault: { kind: 'respond', status: 503, body: openaiErrorBody({ message: 'busy', type: 'server_error' }) } });
    fx.server.injectFault({ phase: 'video-status', fault: { kind: 'reset' } });
    fx.server.injectFault({ phase: 'video-status', fault: { kind: 'malformed-json' } });
    fx.server.injectFault({ phase: 'video-content', fault: { kind: 'respond', status: 502 } });
    const response = await fx.gateway.generateVideo(fx.openai('sora-2'), { prompt: 'x' });
    expect(fx.server.countRequests({ phase: 'video-submit' })).toBe(1);
    expect(fx.server.requests({ phase: 'video-content' }).map((r) => r.status)).toEqual([502, 200]);
    expect(response.executionMetadata.attempts[0]).toMatchObject({ status: 'success', retries: 0 });
  });

  it('does not resubmit after a submit the server may have accepted (reset), but falls back', async () => {
    fx.server.injectFault({ phase: 'video-submit', fault: { kind: 'reset' } });
    const response = await fx.gateway.generateVideo(fx.openai('sora-2', { fallbackConfigs: [fx.openai('sora-2-pro')] }), { prompt: 'x' });
    expect(fx.server.requests({ phase: 'video-submit' }).map((r) => (r.body as { model: string }).model)).toEqual(['sora-2', 'sora-2-pro']);
    expect(response.executionMetadata).toMatchObject({ fallbackTriggered: true, successfulAttempt: 2 });
  });

  it('reports a failed job as a retryable GenerationFailedError with the provider code', async () => {
    fx.server.scriptNextVideo({ outcome: { error: 'render crashed', errorType: 'internal_error' } });
    const error = await rejectionOf(fx.gateway.generateVideo(fx.openai('sora-2', { maxRetries: 0 }), { prompt: 'x' }));
    expect(error.name).toBe('AllProvidersFailedError');
    const cause = (error as unknown as { errors: Error[] }).errors[0];
    expect(cause).toBeInstanceOf(GenerationFailedError);
    expect(cause).toMatchObject({ providerErrorType: 'internal_error', isRetryable: true });
    expect(cause?.message).toContain('render crashed');
  });

  it('maps a moderated job to ContentModerationError without falling back', async () => {
    fx.server.scriptNextVideo({ outcome: 'moderation' });
    const error = await rejectionOf(fx.gateway.generateVideo(fx.openai('sora-2', { fallbackConfigs: [fx.openai('sora-2-pro')] }), { prompt: 'x' }));
    expect(error).toBeInstanceOf(ContentModerationError);
    expect(fx.server.countRequests({ phase: 'video-submit' })).toBe(1);
  });

  it('maps a submit refused by moderation (400 moderation_blocked) to ContentModerationError', async () => {
    fx.server.injectFault({
      phase: 'video-submit',
      fault: { kind: 'respond', status: 400, body: openaiErrorBody({ message: 'Your request was blocked by our moderation system.', code: 'moderation_blocked' }) },
    });
    expect(await rejectionOf(fx.gateway.generateVideo(fx.openai('sora-2'), { prompt: 'x' }))).toBeInstanceOf(ContentModerationError);
  });

  it.each([404, 410] as const)('says the Videos API appears shut down on %i, without retrying', async (status) => {
    fx.server.shutDownVideos(status);
    const error = await rejectionOf(fx.gateway.generateVideo(fx.openai('sora-2', { fallbackConfigs: [fx.openai('sora-2-pro')] }), { prompt: 'x' }));
    expect(error).toBeInstanceOf(HTTPError);
    expect(error).toMatchObject({ statusCode: status, isRetryable: false });
    expect(error.message).toContain("openai's Videos API appears to be shut down");
    expect(error.message).toContain('2026-09-24');
    expect(fx.server.countRequests({ phase: 'video-submit' })).toBe(1);
  });

  it('tells a deleted video (404 not_found) apart from a shut-down API', async () => {
    fx.server.scriptNextVideo({ runMs: 60_000 });
    const { handle } = await fx.gateway.startVideo(fx.openai('sora-2'), { prompt: 'x' });
    const unknown = { ...handle, requestId: 'video_missing', data: { videoId: 'video_missing' } };
    const error = await rejectionOf(fx.gateway.getJobStatus(fx.openai('sora-2'), unknown));
    expect(error).toMatchObject({ statusCode: 404, isRetryable: false });
    expect(error.message).not.toContain('shut down');
  });

  it('resumes from a serialized handle in a new gateway, never resubmitting', async () => {
    fx.server.scriptNextVideo({ queueMs: 20, runMs: 100 });
    const started = await fx.gateway.startVideo(fx.openai('sora-2'), { prompt: 'x', seed: 4 });
    const stored = JSON.stringify(started.handle);
    expect(stored).not.toContain('sk-');
    expect(JSON.parse(stored)).toMatchObject({ provider: 'openai', model: 'sora-2', data: { videoId: started.requestId }, warnings: ['seed (4) was not sent: not supported by openai sora-2'] });
    const other = createGateway({ providers: [openaiProvider()] });
    const status = await other.getJobStatus(fx.openai('sora-2'), JSON.parse(stored));
    expect(['queued', 'processing']).toContain(status.status);
    const response = await other.resumeVideo(fx.openai('sora-2'), JSON.parse(stored));
    expect(response.requestId).toBe(started.requestId);
    expect(response.warnings).toEqual(['seed (4) was not sent: not supported by openai sora-2']);
    expect(fx.server.countRequests({ phase: 'video-submit' })).toBe(1);
  });

  it('has no cancel endpoint: cancelJob and a timeout say the job keeps running', async () => {
    fx.server.scriptNextVideo({ runMs: 60_000 }, 2);
    const { handle } = await fx.gateway.startVideo(fx.openai('sora-2'), { prompt: 'x' });
    const outcome = await fx.gateway.cancelJob(fx.openai('sora-2'), handle);
    expect(outcome).toEqual({ cancelled: false, reason: expect.stringContaining('no cancel endpoint') });
    const error = await rejectionOf(fx.gateway.generateVideo(fx.openai('sora-2', { timeoutMs: 150 }), { prompt: 'x' }));
    expect(error.name).toBe('AllProvidersFailedError');
    expect((error as unknown as { executionMetadata: { attempts: { cancelled?: boolean }[] } }).executionMetadata.attempts[0]?.cancelled).toBe(false);
    expect(fx.server.countRequests({ phase: 'video-delete' })).toBe(0);
  });
});
