import {
  AllProvidersFailedError,
  ContentModerationError,
  createGateway,
  HTTPError,
  TimeoutError,
  ValidationError,
  videoGenerationResponseSchema,
  type JobHandle,
  type ProgressUpdate,
  type VideoGenerationRequest,
  type VideoGenerationResponse,
} from '@tarash/core';
import { createPng } from '@tarash/testing';
import { rejectionOf } from '@tarash/testing/helpers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stabilityProvider } from '../stability-provider';
import { startStabilityFixture, type StabilityFixture } from '../test-support/stability-fixture';

const FRAME = new Uint8Array(createPng({ width: 1024, height: 576 }));
const REQUEST: VideoGenerationRequest = {
  prompt: 'the lake comes alive',
  seed: 11,
  imageList: [{ image: FRAME, type: 'first_frame' }],
  extraParams: { cfg_scale: 1.8, motion_bucket_id: 127 },
};
const MODEL = 'stable-video-diffusion';
const POLL_MS = 40;

let fixture: StabilityFixture;

beforeEach(async () => {
  fixture = await startStabilityFixture({}, { minVideoPollIntervalMs: POLL_MS });
});

afterEach(async () => {
  await fixture.close();
});

function videoBytes(response: VideoGenerationResponse): { data: Uint8Array; mediaType: string } {
  if (typeof response.video !== 'object') throw new Error('expected video bytes');
  return response.video;
}

describe('stability image-to-video through the orchestrator', () => {
  it('starts once, polls the result no more often than the poll interval, and returns the MP4 bytes', async () => {
    fixture.server.scriptNext({ runMs: 150 });
    const updates: ProgressUpdate[] = [];
    const response = await fixture.gateway.generateVideo(fixture.config(MODEL, { pollIntervalMs: 1 }), REQUEST, { onProgress: (update) => void updates.push(update) });
    expect(videoGenerationResponseSchema.parse(response)).toBeTruthy();
    const video = videoBytes(response);
    expect(video.mediaType).toBe('video/mp4');
    expect(Buffer.from(video.data).toString('latin1', 4, 8)).toBe('ftyp');
    expect(response).toMatchObject({ contentType: 'video/mp4', resolution: '1024x576', aspectRatio: '16:9' });
    expect(response.warnings).toEqual(['prompt was not sent: stability stable-video-diffusion animates the first frame without a text prompt']);
    expect(updates.map((u) => u.status)).toContain('processing');
    expect(updates.at(-1)?.status).toBe('completed');

    const [submit] = fixture.server.requests({ phase: 'submit' });
    expect({ path: submit?.path, accept: submit?.headers.accept, body: submit?.body }).toMatchSnapshot();
    const job = fixture.server.videoJob(response.requestId);
    expect(job?.seed).toBe(11);
    // 150 ms of work polled every >= 40 ms: at most 150/40 + 2 polls (ignoring the interval would poll about every millisecond).
    expect(job?.resultRequests).toBeGreaterThanOrEqual(2);
    expect(job?.resultRequests).toBeLessThanOrEqual(Math.ceil(150 / POLL_MS) + 2);
  });

  it('asks for JSON with providerConfig.responseFormat and decodes the base64 video', async () => {
    const response = await fixture.gateway.generateVideo(fixture.config(MODEL, { providerConfig: { responseFormat: 'json' } }), REQUEST);
    expect(fixture.server.requests({ phase: 'result' }).at(-1)?.headers.accept).toBe('application/json');
    expect(Buffer.from(videoBytes(response).data).toString('latin1', 4, 8)).toBe('ftyp');
    expect(response.rawResponse).toMatchObject({ finish_reason: 'SUCCESS', seed: 11 });
  });

  it('resumes a job from its serialized handle in a fresh gateway, without submitting again', async () => {
    // Long enough that the status check sees it running even on a loaded machine.
    fixture.server.scriptNext({ runMs: 1500 });
    const started = await fixture.gateway.startVideo(fixture.config(MODEL), REQUEST);
    const stored = JSON.stringify(started.handle);
    expect(stored).not.toContain('sk-');
    const handle = JSON.parse(stored) as JobHandle;
    const elsewhere = createGateway({ providers: [stabilityProvider({ minVideoPollIntervalMs: POLL_MS })] });
    const status = await elsewhere.getJobStatus(fixture.config(MODEL), handle);
    expect(status).toMatchObject({ status: 'processing', requestId: started.requestId });
    const response = await elsewhere.resumeVideo(fixture.config(MODEL), handle);
    expect(response.requestId).toBe(started.requestId);
    expect(response.warnings).toEqual(started.warnings);
    expect(fixture.server.countRequests({ phase: 'submit' })).toBe(1);
  });

  it('retries a 5xx status poll against the same job', async () => {
    fixture.server.scriptNext({ runMs: 60 });
    fixture.server.injectFault({ phase: 'result', fault: { kind: 'respond', status: 503 }, times: 2 });
    const response = await fixture.gateway.generateVideo(fixture.config(MODEL), REQUEST);
    expect(response.executionMetadata.attempts[0]).toMatchObject({ status: 'success', retries: 0 });
    expect(fixture.server.countRequests({ phase: 'submit' })).toBe(1);
  });

  it('reports a blurred (CONTENT_FILTERED) video as a warning', async () => {
    fixture.server.scriptNext({ output: { finish_reason: 'CONTENT_FILTERED' } });
    const response = await fixture.gateway.generateVideo(fixture.config(MODEL), REQUEST);
    expect(response.warnings).toContain('stability filtered the output (seed 11): finish-reason CONTENT_FILTERED, so the result is blurred');
  });
});

describe('stability image-to-video failures', () => {
  it('says clearly that a 404 at start means the endpoint appears retired, never retries it, and lets the chain fall back', async () => {
    fixture.server.setImageToVideoRetired(true);
    const error = await rejectionOf(fixture.gateway.generateVideo(fixture.config(MODEL), REQUEST));
    expect(error).toBeInstanceOf(AllProvidersFailedError);
    const [retired] = (error as AllProvidersFailedError).errors;
    expect(retired).toBeInstanceOf(HTTPError);
    expect(retired).toMatchObject({ statusCode: 404, retrySameProvider: false });
    expect(retired?.message).toContain("Stability's image-to-video endpoint (POST /v2beta/image-to-video) appears to be retired");
    expect(fixture.server.countRequests({ phase: 'submit' })).toBe(1);

    const backup = createGateway({ providers: [stabilityProvider({ minVideoPollIntervalMs: POLL_MS })] });
    backup.registerProvider('backup-video', { generateVideo: async () => ({ requestId: 'backup-1', video: 'https://videos.example/backup.mp4', rawResponse: {} }) });
    const response = await backup.generateVideo(fixture.config(MODEL, { fallbackConfigs: [{ provider: 'backup-video', model: 'any' }] }), REQUEST);
    expect(response.executionMetadata.attempts).toMatchObject([
      { provider: 'stability', status: 'failed', retries: 0 },
      { provider: 'backup-video', status: 'success' },
    ]);
  });

  it('explains a 404 for a job Stability does not know', async () => {
    const started = await fixture.gateway.startVideo(fixture.config(MODEL), REQUEST);
    const unknown: JobHandle = { ...started.handle, requestId: 'f'.repeat(64), data: { ...started.handle.data, resultUrl: `${fixture.server.url}/v2beta/image-to-video/result/${'f'.repeat(64)}` } };
    const error = await rejectionOf(fixture.gateway.resumeVideo(fixture.config(MODEL), unknown));
    expect(error).toMatchObject({ statusCode: 404, isRetryable: false });
    expect(error.message).toContain('the id is unknown, its result expired (results are kept 24 h), or it was started with another API key');
  });

  it('fails a moderated job with ContentModerationError and no fallback', async () => {
    fixture.server.scriptNext({ outcome: 'moderation' });
    const error = await rejectionOf(fixture.gateway.generateVideo(fixture.config(MODEL, { fallbackConfigs: [fixture.config(MODEL)] }), REQUEST));
    expect(error).toBeInstanceOf(ContentModerationError);
    expect(fixture.server.countRequests({ phase: 'submit' })).toBe(1);
  });

  it('checks a Blob first frame before anything is sent', async () => {
    const wrong = new Blob([new Uint8Array(createPng({ width: 640, height: 480 }))], { type: 'image/png' });
    const error = await rejectionOf(fixture.gateway.generateVideo(fixture.config(MODEL), { prompt: 'x', imageList: [{ image: wrong, type: 'first_frame' }] }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toContain('imageList[0] = "640x480": is not a first-frame size image-to-video accepts (allowed: "1024x576", "576x1024", "768x768")');
    expect(fixture.server.requests()).toHaveLength(0);
  });

  it('has no cancel: a timed-out job is left running, and cancelJob says why', async () => {
    fixture.server.scriptNext({ runMs: 60_000 }, 2);
    const error = await rejectionOf(fixture.gateway.generateVideo(fixture.config(MODEL, { timeoutMs: 150, maxRetries: 0 }), REQUEST));
    expect(error).toBeInstanceOf(AllProvidersFailedError);
    const [timeout] = (error as AllProvidersFailedError).errors;
    expect(timeout).toBeInstanceOf(TimeoutError);
    expect(timeout?.message).toContain('could not be cancelled');
    expect((error as AllProvidersFailedError).executionMetadata?.attempts[0]).toMatchObject({ cancelled: false, errorType: 'TimeoutError' });
    const started = await fixture.gateway.startVideo(fixture.config(MODEL), REQUEST);
    expect(await fixture.gateway.cancelJob(fixture.config(MODEL), started.handle)).toEqual({
      cancelled: false,
      reason: 'Stability has no cancel endpoint for image-to-video: the job runs to completion and is billed',
    });
  });
});
