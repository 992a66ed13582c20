import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { locateContracts } from '../helpers';
import type { VideoResource } from './fake-video';
import { FAKE_AZURE_OPENAI_KEY, FAKE_OPENAI_KEY, startOpenAIServer, type OpenAIFakeServer } from './openai-server';

const contractsDir = locateContracts({ skipping: 'the OpenAI contract validation of the video tests' });
let openai: OpenAIFakeServer;

beforeEach(async () => {
  openai = await startOpenAIServer(contractsDir ? { contractsDir } : {});
});

afterEach(async () => {
  await openai.close();
});

const auth = { authorization: `Bearer ${FAKE_OPENAI_KEY}` };

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(`${openai.url}${path}`, {
    method,
    headers: { ...auth, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text.startsWith('{') ? JSON.parse(text) : text, headers: response.headers };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('video lifecycle', () => {
  it('creates a VideoResource with every key, then queued → in_progress with progress → completed', async () => {
    openai.scriptNextVideo({ queueMs: 100, runMs: 1500 });
    const created = await call('POST', '/v1/videos', { model: 'sora-2', prompt: 'a lake', seconds: '8', size: '1280x720' });
    expect(created.status).toBe(200);
    expect(created.headers.get('x-request-id')).toMatch(/^req_/);
    const video = created.body as VideoResource;
    expect(Object.keys(video).sort()).toEqual(
      ['completed_at', 'created_at', 'error', 'expires_at', 'id', 'model', 'object', 'progress', 'prompt', 'remixed_from_video_id', 'seconds', 'size', 'status'].sort(),
    );
    expect(video).toMatchObject({ object: 'video', status: 'queued', progress: 0, seconds: '8', size: '1280x720', completed_at: null, error: null });
    expect(video.id).toMatch(/^video_/);
    const early = await call('GET', `/v1/videos/${video.id}/content`);
    expect(early.status).toBeGreaterThanOrEqual(400);
    expect(early.status).toBeLessThan(500);
    expect(early.body.error.message).toContain('not ready');
    // Poll instead of sleeping into a window: the sequence is what matters, not when it happens.
    const observed: VideoResource[] = [];
    for (let current = video; current.status !== 'completed'; await sleep(10)) {
      current = (await call('GET', `/v1/videos/${video.id}`)).body as VideoResource;
      observed.push(current);
    }
    const running = observed.filter((v) => v.status === 'in_progress');
    expect(running.length).toBeGreaterThan(0);
    for (const v of running) {
      expect(v.progress).toBeGreaterThanOrEqual(0);
      expect(v.progress).toBeLessThan(100);
    }
    expect(running.some((v) => v.progress > 0)).toBe(true);
    const transitions = observed.map((v) => v.status).filter((status, i, all) => all[i - 1] !== status);
    expect(['queued,in_progress,completed', 'in_progress,completed']).toContain(transitions.join(','));
    const done = observed.at(-1) as VideoResource;
    expect(done).toMatchObject({ status: 'completed', progress: 100 });
    expect(done.expires_at).toBeGreaterThan(done.completed_at ?? 0);
  });

  it('serves the MP4, a WebP thumbnail, and refuses an unknown variant', async () => {
    const { body: video } = await call('POST', '/v1/videos', { prompt: 'x' });
    const content = await fetch(`${openai.url}/v1/videos/${video.id}/content`, { headers: auth });
    expect(content.headers.get('content-type')).toBe('video/mp4');
    expect(Buffer.from(await content.arrayBuffer()).subarray(4, 8).toString('latin1')).toBe('ftyp');
    const thumbnail = await fetch(`${openai.url}/v1/videos/${video.id}/content?variant=thumbnail`, { headers: auth });
    expect(thumbnail.headers.get('content-type')).toBe('image/webp');
    expect((await call('GET', `/v1/videos/${video.id}/content?variant=poster`)).body.error.param).toBe('variant');
  });

  it('reports failures and moderation in `error`', async () => {
    openai.scriptNextVideo({ outcome: { error: 'render crashed', errorType: 'internal_error' } });
    openai.scriptNextVideo({ outcome: 'moderation' });
    const failed = (await call('POST', '/v1/videos', { prompt: 'x' })).body as VideoResource;
    const moderated = (await call('POST', '/v1/videos', { prompt: 'x' })).body as VideoResource;
    expect((await call('GET', `/v1/videos/${failed.id}`)).body).toMatchObject({ status: 'failed', error: { code: 'internal_error', message: 'render crashed' } });
    expect((await call('GET', `/v1/videos/${moderated.id}`)).body).toMatchObject({ status: 'failed', error: { code: 'moderation_blocked' } });
  });

  it('takes a multipart create with an input_reference file part', async () => {
    const form = new FormData();
    form.append('prompt', 'animate');
    form.append('model', 'sora-2-pro');
    form.append('size', '1024x1792');
    form.append('input_reference', new Blob([new Uint8Array(10)], { type: 'image/png' }), 'frame.png');
    const response = await fetch(`${openai.url}/v1/videos`, { method: 'POST', headers: auth, body: form });
    const video = (await response.json()) as VideoResource;
    expect(response.status).toBe(200);
    expect(openai.video(video.id)?.request.inputReference).toEqual({ fileName: 'frame.png', contentType: 'image/png', size: 10 });
  });

  it.each([
    [{ prompt: 'x', seconds: '5' }, 'seconds'],
    [{ prompt: 'x', model: 'sora-2', size: '1792x1024' }, 'size'],
    [{ model: 'sora-2' }, 'prompt'],
  ])('rejects %j with a 400 naming the param', async (body, param) => {
    const { status, body: error } = await call('POST', '/v1/videos', body);
    expect(status).toBe(400);
    expect(error.error).toMatchObject({ type: 'invalid_request_error', param });
  });

  it('remixes a completed video, lists, and deletes', async () => {
    const { body: source } = await call('POST', '/v1/videos', { prompt: 'a lake', seconds: '4' });
    const remix = await call('POST', `/v1/videos/${source.id}/remix`, { prompt: 'at night' });
    expect(remix.body).toMatchObject({ remixed_from_video_id: source.id, prompt: 'at night', seconds: '4' });
    expect(openai.countRequests({ phase: 'video-remix', jobId: source.id })).toBe(1);
    const list = await call('GET', '/v1/videos?limit=1');
    expect(list.body).toMatchObject({ object: 'list', first_id: remix.body.id, has_more: true });
    const deleted = await call('DELETE', `/v1/videos/${source.id}`);
    expect(deleted.body).toEqual({ id: source.id, object: 'video.deleted', deleted: true });
    expect((await call('GET', `/v1/videos/${source.id}`)).status).toBe(404);
  });

  it('refuses to delete a running video (DELETE is not a cancel)', async () => {
    openai.scriptNextVideo({ runMs: 60_000 });
    const { body: video } = await call('POST', '/v1/videos', { prompt: 'x' });
    expect((await call('DELETE', `/v1/videos/${video.id}`)).status).toBe(400);
    expect(openai.video(video.id)?.deleted).toBe(false);
  });
});

describe('shut-down mode', () => {
  it.each([404, 410] as const)('answers every Videos API route with %i', async (status) => {
    openai.shutDownVideos(status);
    for (const [method, path] of [['POST', '/v1/videos'], ['GET', '/v1/videos/video_1'], ['GET', '/v1/videos/video_1/content']] as const) {
      const response = await call(method, path, method === 'POST' ? { prompt: 'x' } : undefined);
      expect(response.status).toBe(status);
      expect(response.body.error.message).toEqual(expect.any(String));
    }
    openai.shutDownVideos('available');
    expect((await call('POST', '/v1/videos', { prompt: 'x' })).status).toBe(200);
  });

  it('names the field and value of a bad state', () => {
    expect(() => openai.shutDownVideos(500 as never)).toThrow('videosApi must be "available", 404 or 410; got 500.');
  });
});

describe('Azure v1 video routes', () => {
  it('serves /openai/v1/videos with the api-key header', async () => {
    const response = await fetch(`${openai.url}/openai/v1/videos`, {
      method: 'POST',
      headers: { 'api-key': FAKE_AZURE_OPENAI_KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'sora-2', prompt: 'x' }),
    });
    expect(response.status).toBe(200);
  });
});
