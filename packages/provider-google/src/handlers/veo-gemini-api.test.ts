import { AllProvidersFailedError, ContentModerationError, GenerationFailedError, HTTPError, ValidationError, createGateway } from '@tarash/core';
import { FAKE_GOOGLE_API_KEY, googleErrorBody, googleRetryInfo } from '@tarash/testing/google';
import { rejectionOf } from '@tarash/testing/helpers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { googleProvider } from '../google-provider';
import { googleFixture, type GoogleFixture } from '../test-support/google-fixture';
import { VEO_CANCEL_UNSUPPORTED } from './veo-jobs';

let f: GoogleFixture;

beforeEach(async () => {
  f = await googleFixture();
});

afterEach(async () => {
  await f.close();
});

const MODEL = 'veo-3.1-generate-preview';
const request = { prompt: 'A calm lake at sunrise', durationSeconds: 8, aspectRatio: '16:9', resolution: '720p' } as const;
const isMp4 = (bytes: Uint8Array) => new TextDecoder().decode(bytes.subarray(4, 8)) === 'ftyp';

describe('Veo on the Gemini API through the orchestrator', () => {
  it('submits once, polls the operation, downloads the video with the key in a header only, and returns bytes', async () => {
    f.server.scriptNext({ runMs: 40 });
    const response = await f.gateway.generateVideo(f.gemini(MODEL), request);
    expect(typeof response.video).toBe('object');
    const video = response.video as { data: Uint8Array; mediaType: string };
    expect(video.mediaType).toBe('video/mp4');
    expect(isMp4(video.data)).toBe(true);
    expect(response).toMatchObject({ contentType: 'video/mp4', duration: 8, resolution: '720p', aspectRatio: '16:9', warnings: [] });
    expect(response.requestId).toMatch(/^models\/veo-3\.1-generate-preview\/operations\/[a-z0-9]+$/);
    expect(f.server.requests({ phase: 'submit' }).map((entry) => entry.body)).toEqual([
      { instances: [{ prompt: 'A calm lake at sunrise' }], parameters: { aspectRatio: '16:9', durationSeconds: 8, resolution: '720p' } },
    ]);
    const [download] = f.server.requests({ phase: 'download' });
    expect(download?.headers['x-goog-api-key']).toBe('[REDACTED]');
    const [storage] = f.server.requests({ phase: 'storage' });
    expect(storage?.headers).not.toHaveProperty('x-goog-api-key');
    expect(storage?.status).toBe(200);
    for (const entry of f.server.requests()) expect(entry.query).not.toHaveProperty('key');
    expect(JSON.stringify(response.rawResponse)).toContain('generateVideoResponse');
  });

  it('reuses the completed poll for the download: a job done at the first poll costs four requests', async () => {
    f.server.scriptNext({ runMs: 0 });
    await f.gateway.generateVideo(f.gemini(MODEL), request);
    expect(f.server.requests().map((entry) => entry.phase)).toEqual(['submit', 'operation', 'download', 'storage']);
  });

  it('returns the download URI instead of bytes with videoOutput "uri", with a warning (and logs that webhookUrl is unused)', async () => {
    const config = f.gemini(MODEL, { providerConfig: { videoOutput: 'uri' }, webhookUrl: 'https://example.com/hook' });
    const response = await f.gateway.generateVideo(config, request, { logger: f.logger });
    expect(f.logs.filter((event) => event.level === 'warn').map((event) => event.message)).toEqual(['webhookUrl is not used: Google calls no webhook for Veo jobs here; the operation is polled']);
    expect(response.video).toMatch(new RegExp(`^${f.server.url}/v1beta/files/[a-z0-9]+:download\\?alt=media$`));
    expect(response.warnings).toEqual(['the video URI needs the API key (x-goog-api-key header) to download, and Google deletes it after a while']);
    expect(f.server.countRequests({ phase: 'download' })).toBe(0);
  });

  it('returns several videos and inline encodedVideo bytes without a download', async () => {
    await f.close();
    f = await googleFixture({ videoDelivery: 'inline' });
    const response = await f.gateway.generateVideo(f.gemini(MODEL), { ...request, numberOfVideos: 2 });
    expect(response.videos).toHaveLength(2);
    expect(response.videos?.every((video) => typeof video === 'object' && isMp4(video.data))).toBe(true);
    expect(f.server.countRequests({ phase: 'download' })).toBe(0);
    expect(JSON.stringify(response.rawResponse)).toMatch(/"encodedVideo":"\[\d+ base64 characters, returned as bytes\]"/);
  });

  it('inlines input images as base64 with their media type', async () => {
    const png = new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYGAAAAAEAAH2FzhVAAAAAElFTkSuQmCC', 'base64'));
    await f.gateway.generateVideo(f.gemini(MODEL), {
      prompt: 'x',
      imageList: [
        { image: png, type: 'first_frame' },
        { image: { data: Buffer.from(png).toString('base64'), mediaType: 'image/png' }, type: 'last_frame' },
      ],
    });
    const instance = (f.server.requests({ phase: 'submit' })[0]?.body as { instances: Record<string, unknown>[] }).instances[0];
    const inline = { bytesBase64Encoded: Buffer.from(png).toString('base64'), mimeType: 'image/png' };
    expect(instance).toEqual({ prompt: 'x', image: inline, lastFrame: inline });
  });

  it('sends a video to extend as the uri of a video Google made, or as encodedVideo bytes', async () => {
    const made = 'https://generativelanguage.googleapis.com/v1beta/files/abc123:download?alt=media';
    await f.gateway.generateVideo(f.gemini(MODEL), { prompt: 'x', video: made });
    await f.gateway.generateVideo(f.gemini(MODEL), { prompt: 'x', video: { data: 'AAAAGGZ0eXBpc29t', mediaType: 'video/mp4' } });
    const videos = f.server.requests({ phase: 'submit' }).map((entry) => (entry.body as { instances: { video: unknown }[] }).instances[0]?.video);
    expect(videos).toEqual([{ uri: made }, { encodedVideo: 'AAAAGGZ0eXBpc29t', encoding: 'video/mp4' }]);
  });

  it('fails with ContentModerationError when the safety filter removes the video, without resubmitting or falling back', async () => {
    f.server.scriptNext({ outcome: 'moderation' });
    const error = await rejectionOf(f.gateway.generateVideo(f.gemini(MODEL, { fallbackConfigs: [f.gemini('veo-3.0-generate-001')] }), request));
    expect(error).toBeInstanceOf(ContentModerationError);
    expect((error as ContentModerationError).message).toContain('You have not been charged');
    expect((error as ContentModerationError).executionMetadata?.attempts.map((attempt) => attempt.status)).toEqual(['failed', 'skipped']);
    expect(f.server.countRequests({ phase: 'submit' })).toBe(1);
  });

  it('honours RetryInfo.retryDelay of a 429 at submit, then submits again (no job existed)', async () => {
    f.server.injectFault({ phase: 'submit', fault: { kind: 'respond', status: 429, body: googleErrorBody('RESOURCE_EXHAUSTED', 'Quota exceeded.', [googleRetryInfo('0.2s')]) } });
    const response = await f.gateway.generateVideo(f.gemini(MODEL), request, { logger: f.logger });
    expect(response.executionMetadata.attempts[0]?.retries).toBe(1);
    expect(f.server.countRequests({ phase: 'submit' })).toBe(2);
    expect(f.server.operations()).toHaveLength(1);
    expect(f.logs.map((event) => event.message)).toContain('retrying in 200 ms after HTTPError: google answered HTTP 429 during submit: RESOURCE_EXHAUSTED: Quota exceeded.');
  });

  it('submits exactly once while polls fail (503, reset, malformed JSON, 429 with retryDelay)', async () => {
    f.server.scriptNext({ runMs: 30 });
    f.server.injectFault({ phase: 'operation', fault: { kind: 'respond', status: 503, body: googleErrorBody('UNAVAILABLE', 'Try again.') } });
    f.server.injectFault({ phase: 'operation', fault: { kind: 'reset' } });
    f.server.injectFault({ phase: 'operation', fault: { kind: 'malformed-json' } });
    f.server.injectFault({ phase: 'operation', fault: { kind: 'respond', status: 429, body: googleErrorBody('RESOURCE_EXHAUSTED', 'Slow down.', [googleRetryInfo('0.01s')]) } });
    f.server.injectFault({ phase: 'download', fault: { kind: 'respond', status: 500, body: googleErrorBody('INTERNAL', 'Oops.') } });
    const response = await f.gateway.generateVideo(f.gemini(MODEL), request);
    expect(isMp4((response.video as { data: Uint8Array }).data)).toBe(true);
    expect(f.server.countRequests({ phase: 'submit' })).toBe(1);
    expect(f.server.requests({ phase: 'operation' }).map((entry) => entry.fault).slice(0, 4)).toEqual(['respond', 'reset', 'malformed-json', 'respond']);
    expect(f.server.countRequests({ phase: 'download' })).toBe(2);
  });

  it('resubmits a job that failed for a retryable code, but not one refused as INVALID_ARGUMENT', async () => {
    f.server.scriptNext({ outcome: { error: 'The service is overloaded.', errorType: 'UNAVAILABLE' } });
    const recovered = await f.gateway.generateVideo(f.gemini(MODEL), request);
    expect(recovered.executionMetadata.attempts[0]?.retries).toBe(1);
    expect(f.server.countRequests({ phase: 'submit' })).toBe(2);
    f.server.scriptNext({ outcome: { error: 'Unsupported combination.', errorType: 'INVALID_ARGUMENT' } });
    const error = await rejectionOf(f.gateway.generateVideo(f.gemini(MODEL), request));
    expect(error).toBeInstanceOf(GenerationFailedError);
    expect(error).toMatchObject({ isRetryable: false, providerErrorType: 'INVALID_ARGUMENT' });
    expect(f.server.countRequests({ phase: 'submit' })).toBe(3);
  });

  it('resumes a job from its JSON handle in another gateway without submitting again', async () => {
    // Long enough that the status check sees it running even on a loaded machine.
    f.server.scriptNext({ runMs: 1500 });
    const started = await f.gateway.startVideo(f.gemini(MODEL), request);
    const handle = JSON.parse(JSON.stringify(started.handle));
    expect(handle).toMatchObject({ provider: 'google', model: MODEL, modality: 'video', data: { api: 'gemini', operationName: started.requestId, durationSeconds: 8 } });
    expect(JSON.stringify(handle)).not.toContain(FAKE_GOOGLE_API_KEY);
    const other = createGateway({ providers: [googleProvider()] });
    expect((await other.getJobStatus(f.gemini(MODEL), handle)).status).toBe('processing');
    const response = await other.resumeVideo(f.gemini(MODEL), handle);
    expect(response.requestId).toBe(started.requestId);
    expect(f.server.countRequests({ phase: 'submit' })).toBe(1);
    const vertexConfig = f.vertex(MODEL);
    expect(await rejectionOf(other.resumeVideo(vertexConfig, handle))).toBeInstanceOf(ValidationError);
  });

  it('cannot cancel: cancelJob and a timed-out attempt report that Google has no cancel', async () => {
    f.server.scriptNext({ runMs: 60_000 });
    const started = await f.gateway.startVideo(f.gemini(MODEL), request);
    expect(await f.gateway.cancelJob(f.gemini(MODEL), started.handle)).toEqual({ cancelled: false, reason: VEO_CANCEL_UNSUPPORTED });
    f.server.scriptNext({ runMs: 60_000 });
    const error = await rejectionOf(f.gateway.generateVideo(f.gemini(MODEL, { timeoutMs: 100 }), request));
    expect(error).toBeInstanceOf(AllProvidersFailedError);
    expect((error as AllProvidersFailedError).errors[0]?.name).toBe('TimeoutError');
    expect((error as AllProvidersFailedError).executionMetadata.attempts[0]).toMatchObject({ errorType: 'TimeoutError', cancelled: false });
  });

  it('maps an invalid key to a non-retryable HTTP 400 that never shows the key', async () => {
    const error = await rejectionOf(f.gateway.generateVideo(f.gemini(MODEL, { apiKey: 'AIzaSyWrongKey-0123456789abcdef0123' }), request));
    expect(error).toBeInstanceOf(HTTPError);
    expect(error).toMatchObject({ statusCode: 400, isRetryable: false });
    expect(error.message).toContain('INVALID_ARGUMENT API_KEY_INVALID: API key not valid');
    expect(JSON.stringify(error)).not.toContain('WrongKey');
  });

  it('maps INVALID_ARGUMENT field violations to a ValidationError and 403 to an auth error', async () => {
    const badRequest = googleErrorBody('INVALID_ARGUMENT', 'Request contains an invalid argument.', [
      { '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: [{ field: 'parameters.durationSeconds', description: 'out of range' }] },
    ]);
    f.server.injectFault({ phase: 'submit', fault: { kind: 'respond', status: 400, body: badRequest } });
    const invalid = await rejectionOf(f.gateway.generateVideo(f.gemini(MODEL), request));
    expect(invalid).toBeInstanceOf(ValidationError);
    expect(invalid).toMatchObject({ field: 'parameters.durationSeconds', statusCode: 400 });
    f.server.injectFault({ phase: 'submit', fault: { kind: 'respond', status: 403, body: googleErrorBody('PERMISSION_DENIED', 'The caller does not have permission.') } });
    const denied = await rejectionOf(f.gateway.generateVideo(f.gemini(MODEL, { fallbackConfigs: [f.gemini('veo-2.0-generate-001')] }), request));
    expect(denied).toMatchObject({ name: 'HTTPError', statusCode: 403, isRetryable: false });
    expect(denied.message).toContain('check the API key or access token');
    expect(f.server.countRequests({ phase: 'submit' })).toBe(2);
  });
});
