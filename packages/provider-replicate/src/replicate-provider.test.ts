import {
  AllProvidersFailedError,
  CancelledError,
  ContentModerationError,
  HTTPError,
  TimeoutError,
  ValidationError,
  videoGenerationResponseSchema,
  type ProgressUpdate,
} from '@tarash/core';
import { rejectionOf } from '@tarash/testing/helpers';
import { FAKE_REPLICATE_TOKEN, replicateMediaOutput, throttledFault } from '@tarash/testing/replicate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startReplicateFixture, type ReplicateFixture } from './test-support/replicate-fixture';

let fx: ReplicateFixture;

beforeEach(async () => {
  fx = await startReplicateFixture();
});

afterEach(async () => {
  await fx.close();
});

const noWait = { providerConfig: { preferWait: false } } as const;

describe('generating through Replicate', () => {
  it('finishes a short job in one request with Prefer: wait', async () => {
    fx.server.scriptNext({ runMs: 60 });
    const response = await fx.gateway.generateVideo(fx.config('google/veo-3'), { prompt: 'A calm lake', durationSeconds: 8, aspectRatio: '16:9' });
    expect(videoGenerationResponseSchema.parse(response)).toBeTruthy();
    expect(response.video).toMatch(new RegExp(`^${fx.server.url}/media/${response.requestId}/output-0\\.mp4$`));
    expect(response.contentType).toBe('video/mp4');
    expect(response.cost?.metrics.predictTimeSeconds).toEqual(expect.any(Number));
    const requests = fx.server.requests();
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'POST', path: '/v1/models/google/veo-3/predictions', headers: { authorization: '[REDACTED]' } });
    expect(requests[0]?.headers.prefer).toMatch(/^wait=(\d|[1-5]\d|60)$/);
    expect(requests[0]?.body).toEqual({ input: { prompt: 'A calm lake', duration: 8, aspect_ratio: '16:9' } });
  });

  it('polls a long job, reporting tqdm progress and each log line once', async () => {
    fx.server.scriptNext({ queueMs: 30, runMs: 400, logs: ['Loading model', 'Sampling'], progressSteps: 4 });
    const updates: ProgressUpdate[] = [];
    const response = await fx.gateway.generateVideo(fx.config('google/veo-3', noWait), { prompt: 'x' }, { onProgress: (u) => void updates.push(u) });
    expect(fx.server.countRequests({ phase: 'submit' })).toBe(1);
    expect(fx.server.countRequests({ phase: 'status' })).toBeGreaterThanOrEqual(2);
    expect(fx.server.requests({ phase: 'submit' })[0]?.headers.prefer).toBeUndefined();
    const logs = updates.flatMap((u) => u.logs ?? []);
    const printed = (response.rawResponse as { logs: string }).logs.split('\n');
    expect(printed).toHaveLength(6);
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).toEqual(printed.slice(0, logs.length));
    const percents = updates.flatMap((u) => (u.progressPercent === undefined ? [] : [u.progressPercent]));
    expect(percents.length).toBeGreaterThan(1);
    expect([...percents].sort((a, b) => a - b)).toEqual(percents);
    expect(updates.at(-1)).toMatchObject({ status: 'completed', result: response });
  });

  it.each([
    ['several videos', replicateMediaOutput({ shape: 'url-list', count: 2 }), 2],
    ['an object holding the video', replicateMediaOutput({ shape: 'object' }), 1],
  ])('returns every output: %s', async (_label, output, count) => {
    fx.server.scriptNext({ output });
    const response = await fx.gateway.generateVideo(fx.config('google/veo-3'), { prompt: 'x' });
    expect(response.video).toMatch(/output-0\.mp4$/);
    expect(response.videos ?? [response.video]).toHaveLength(count);
  });

  it('separates the soundtrack of an object output and reads media types from extensions', async () => {
    fx.server.scriptNext({ output: { video: 'https://cdn.example/out.webm', audio: 'https://cdn.example/track.wav', fps: 24 } });
    const response = await fx.gateway.generateVideo(fx.config('acme/video-model'), { prompt: 'x' });
    expect(response).toMatchObject({ video: 'https://cdn.example/out.webm', contentType: 'video/webm', audioUrl: 'https://cdn.example/track.wav' });
    expect(response.warnings[0]).toMatch(/acme\/video-model has no built-in Replicate mapping/);
  });

  it('returns every image of list and object outputs', async () => {
    const list = await fx.gateway.generateImage(fx.config('black-forest-labs/flux-schnell'), { prompt: 'x', n: 3 });
    expect(list.images).toHaveLength(3);
    expect(list.contentType).toBe('image/png');
    fx.server.scriptNext({ output: replicateMediaOutput({ shape: 'object', count: 2, kind: 'image' }) });
    const object = await fx.gateway.generateImage(fx.config('black-forest-labs/flux-schnell'), { prompt: 'x' });
    expect(object.images).toHaveLength(2);
  });

  it('runs pinned versions and community models through POST /v1/predictions', async () => {
    const model = fx.server.defineModel('stability-ai/sdxl', { official: false });
    await fx.gateway.generateImage(fx.config(`stability-ai/sdxl:${model.version}`), { prompt: 'x', size: '1024x768', negativePrompt: 'blur' });
    expect(fx.server.requests({ phase: 'submit' })[0]).toMatchObject({
      path: '/v1/predictions',
      body: { version: `stability-ai/sdxl:${model.version}`, input: { prompt: 'x', width: 1024, height: 768, negative_prompt: 'blur' } },
    });
  });

  it('runs a deployment named in providerConfig with the model mapping', async () => {
    await fx.gateway.generateVideo(fx.config('google/veo-3', { providerConfig: { deployment: 'acme/my-veo' } }), { prompt: 'x', resolution: '1080P' });
    expect(fx.server.requests({ phase: 'submit' })[0]).toMatchObject({ path: '/v1/deployments/acme/my-veo/predictions', body: { input: { prompt: 'x', resolution: '1080p' } } });
  });
});

describe('validation and errors', () => {
  it('refuses a duration the model does not allow, listing the allowed values, before sending', async () => {
    const error = await rejectionOf(fx.gateway.generateVideo(fx.config('google/veo-3'), { prompt: 'x', durationSeconds: 5 }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toContain('durationSeconds = 5');
    expect((error as ValidationError).allowed).toEqual([4, 6, 8]);
    expect(fx.server.countRequests()).toBe(0);
  });

  it('maps a 422 with invalid_fields to a ValidationError naming the input fields', async () => {
    fx.server.defineModel('acme/strict', { inputSchema: { type: 'object', properties: { duration: { enum: [5] } } } });
    const error = await rejectionOf(fx.gateway.generateVideo(fx.config('acme/strict'), { prompt: 'x', durationSeconds: 7 }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]).toMatchObject({ field: 'input.duration', message: expect.stringContaining('5') });
    expect((error as ValidationError).statusCode).toBe(422);
  });

  it('turns an NSFW failure into a ContentModerationError and does not fall back', async () => {
    fx.server.scriptNext({ outcome: 'moderation' });
    const error = await rejectionOf(fx.gateway.generateVideo(fx.config('google/veo-3', { fallbackConfigs: [fx.config('kwaivgi/kling-v2.1-master')] }), { prompt: 'x' }));
    expect(error).toBeInstanceOf(ContentModerationError);
    expect(fx.server.countRequests({ phase: 'submit' })).toBe(1);
    expect((error as ContentModerationError).executionMetadata?.attempts.map((a) => a.status)).toEqual(['failed', 'skipped']);
  });

  it('waits for Retry-After on a 429 create and creates once more', async () => {
    fx.server.injectFault({ phase: 'submit', fault: throttledFault(0) });
    const response = await fx.gateway.generateVideo(fx.config('google/veo-3'), { prompt: 'x' });
    expect(fx.server.countRequests({ phase: 'submit' })).toBe(2);
    expect(fx.server.predictions()).toHaveLength(1);
    expect(response.executionMetadata.attempts[0]?.retries).toBe(1);
  });

  it('moves to the fallback at once when Retry-After is past the deadline', async () => {
    fx.server.injectFault({ phase: 'submit', fault: throttledFault(60) });
    const response = await fx.gateway.generateVideo(fx.config('google/veo-3', { timeoutMs: 5_000, fallbackConfigs: [fx.config('kwaivgi/kling-v2.1-master')] }), { prompt: 'x' });
    expect(response.executionMetadata.successfulAttempt).toBe(2);
    expect(fx.server.predictions().map((p) => p.model)).toEqual(['kwaivgi/kling-v2.1-master']);
  });

  it('never creates twice after a 500 or a reset at create (a job may exist), but retries a 503', async () => {
    fx.server.injectFault({ phase: 'submit', fault: { kind: 'respond', status: 500, body: { title: 'Internal', detail: 'boom', status: 500 } } });
    const failed = await rejectionOf(fx.gateway.generateVideo(fx.config('google/veo-3'), { prompt: 'x' }));
    expect((failed as AllProvidersFailedError).errors[0]).toMatchObject({ name: 'HTTPError', statusCode: 500, jobMayExist: true });
    fx.server.injectFault({ phase: 'submit', fault: { kind: 'reset' } });
    const reset = await rejectionOf(fx.gateway.generateVideo(fx.config('google/veo-3'), { prompt: 'x' }));
    expect((reset as AllProvidersFailedError).errors[0]).toMatchObject({ name: 'HTTPConnectionError', jobMayExist: true });
    expect(fx.server.countRequests({ phase: 'submit' })).toBe(2);
    fx.server.injectFault({ phase: 'submit', fault: { kind: 'respond', status: 503, headers: { 'content-type': 'application/problem+json' }, body: { detail: 'busy', status: 503 } } });
    await fx.gateway.generateVideo(fx.config('google/veo-3'), { prompt: 'x' });
    expect(fx.server.countRequests({ phase: 'submit' })).toBe(4);
  });

  it('creates exactly once while status polls fail', async () => {
    fx.server.scriptNext({ runMs: 150 });
    fx.server.injectFault({ phase: 'status', times: 3, fault: { kind: 'respond', status: 503 } });
    fx.server.injectFault({ phase: 'status', fault: { kind: 'reset' } });
    fx.server.injectFault({ phase: 'status', fault: { kind: 'malformed-json' } });
    const response = await fx.gateway.generateVideo(fx.config('google/veo-3', noWait), { prompt: 'x' });
    expect(fx.server.countRequests({ phase: 'submit' })).toBe(1);
    expect(response.requestId).toBe(fx.server.predictions()[0]?.id);
  });

  it('refuses a 401 without retrying and never shows the token', async () => {
    const error = await rejectionOf(fx.gateway.generateVideo(fx.config('google/veo-3', { apiKey: 'r8_WrongToken000000000000000' }), { prompt: 'x' }));
    expect(error).toBeInstanceOf(HTTPError);
    expect((error as HTTPError).statusCode).toBe(401);
    expect(JSON.stringify(error)).not.toContain('r8_WrongToken000000000000000');
    expect(String(error.stack)).not.toContain('r8_WrongToken000000000000000');
    expect(fx.server.countRequests()).toBe(1);
  });

  it('refuses a bad providerConfig value, naming it', async () => {
    const error = await rejectionOf(fx.gateway.generateVideo(fx.config('google/veo-3', { providerConfig: { preferWait: 90 } }), { prompt: 'x' }));
    expect((error as ValidationError).message).toContain('providerConfig.preferWait = 90');
  });
});

describe('media uploads', () => {
  it('sends small files as data URIs and uploads larger ones through the Files API', async () => {
    const small = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const large = { data: new Uint8Array(300 * 1024), mediaType: 'image/png' };
    await fx.gateway.generateVideo(fx.config('google/veo-3.1'), {
      prompt: 'x',
      imageList: [
        { image: small, type: 'first_frame' },
        { image: large, type: 'last_frame' },
        { image: 'https://img.example/ref.png', type: 'reference' },
      ],
    });
    const [upload] = fx.server.uploads();
    expect(upload).toMatchObject({ contentType: 'image/png', fileName: 'imageList-1-.png' });
    const input = (fx.server.requests({ phase: 'submit' })[0]?.body as { input: Record<string, unknown> }).input;
    expect(input.image).toMatch(/^data:image\/png;base64,/);
    expect(input.last_frame).toBe(`${fx.server.url}/v1/files/${upload?.id}`);
    expect(input.reference_images).toEqual(['https://img.example/ref.png']);
  });
});

describe('cancellation', () => {
  it('cancels the prediction (POST …/cancel) when the caller aborts', async () => {
    fx.server.scriptNext({ runMs: 10_000 });
    const controller = new AbortController();
    const error = await rejectionOf(
      fx.gateway.generateVideo(fx.config('google/veo-3', noWait), { prompt: 'x' }, { signal: controller.signal, onProgress: (u) => (u.status === 'processing' ? controller.abort() : undefined) }),
    );
    expect(error).toBeInstanceOf(CancelledError);
    const cancel = fx.server.requests({ phase: 'cancel' });
    expect(cancel).toHaveLength(1);
    expect(cancel[0]).toMatchObject({ method: 'POST', status: 200 });
    expect(fx.server.predictions()[0]?.status).toBe('canceled');
    expect((error as CancelledError).executionMetadata?.attempts[0]?.cancelled).toBe(true);
  });

  it('cancels the prediction when the deadline passes, then falls back', async () => {
    fx.server.scriptNext({ runMs: 10_000 });
    const response = await fx.gateway.generateVideo(fx.config('google/veo-3', { timeoutMs: 300, fallbackConfigs: [fx.config('minimax/hailuo-02')] }), { prompt: 'x' });
    expect(response.executionMetadata.attempts[0]).toMatchObject({ status: 'failed', errorType: TimeoutError.name, cancelled: true });
    expect(fx.server.countRequests({ phase: 'cancel' })).toBe(1);
    expect(fx.server.predictions().map((p) => p.status)).toEqual(['canceled', 'succeeded']);
  });

  it('cancels a started job by handle with cancelJob', async () => {
    fx.server.scriptNext({ runMs: 10_000 });
    const started = await fx.gateway.startVideo(fx.config('google/veo-3', noWait), { prompt: 'x' });
    expect(JSON.stringify(started.handle)).not.toContain(FAKE_REPLICATE_TOKEN);
    expect(await fx.gateway.cancelJob(fx.config('google/veo-3'), started.handle)).toMatchObject({ cancelled: true });
    expect(await fx.gateway.getJobStatus(fx.config('google/veo-3'), started.handle)).toMatchObject({ status: 'cancelled' });
  });

  it('recreates a prediction that failed at Replicate within maxRetries, then reports the failure', async () => {
    fx.server.scriptNext({ outcome: { error: 'GPU fell over' } }, 3);
    const error = await rejectionOf(fx.gateway.generateVideo(fx.config('google/veo-3', { maxRetries: 2 }), { prompt: 'x' }));
    expect(error).toBeInstanceOf(AllProvidersFailedError);
    expect((error as AllProvidersFailedError).errors[0]).toMatchObject({ name: 'GenerationFailedError', message: expect.stringContaining('GPU fell over') });
    expect(fx.server.countRequests({ phase: 'submit' })).toBe(3);
  });
});
