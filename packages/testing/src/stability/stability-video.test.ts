import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPng } from '../common/media/png';
import { createSolidJpeg } from '../openai/solid-jpeg';
import { createSolidWebp } from '../openai/solid-webp';
import { FAKE_STABILITY_KEY, StabilityFakeServer, startStabilityServer } from './stability-server';
import { FIRST_FRAME, getPath, postForm } from './test-requests';

const OTHER_KEY = 'sk-second-fake-stability-key-42';
let stability: StabilityFakeServer;

beforeEach(async () => {
  stability = await startStabilityServer({ apiKeys: [FAKE_STABILITY_KEY, OTHER_KEY] });
});

afterEach(async () => {
  await stability.close();
});

async function start(form: Record<string, string | number | Uint8Array> = { image: FIRST_FRAME }): Promise<string> {
  const response = await postForm(stability, '/v2beta/image-to-video', form);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { id: string };
  expect(body).toEqual({ id: expect.stringMatching(/^[0-9a-f]{64}$/) });
  return body.id;
}

describe('stability image-to-video', () => {
  it('answers 202 in-progress while running, then the MP4 with finish-reason and seed', async () => {
    stability.scriptNext({ runMs: 60_000 });
    const running = await start({ image: FIRST_FRAME, seed: 5, cfg_scale: 2, motion_bucket_id: 100 });
    const pending = await getPath(stability, `/v2beta/image-to-video/result/${running}`);
    expect(pending.status).toBe(202);
    expect(await pending.json()).toEqual({ id: running, status: 'in-progress' });

    const done = await start({ image: FIRST_FRAME, seed: 5 });
    const result = await getPath(stability, `/v2beta/image-to-video/result/${done}`, { accept: 'video/*' });
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toBe('video/mp4');
    expect(result.headers.get('finish-reason')).toBe('SUCCESS');
    expect(result.headers.get('seed')).toBe('5');
    const bytes = Buffer.from(await result.arrayBuffer());
    expect(bytes.toString('latin1', 4, 8)).toBe('ftyp');
    expect(stability.videoJob(done)).toMatchObject({ width: 1024, height: 576, seed: 5, resultRequests: 1, state: { phase: 'completed' } });
    expect(stability.videoJob(running)?.fields).toEqual({ seed: '5', cfg_scale: '2', motion_bucket_id: '100' });
  });

  it('returns {video, seed, finish_reason} for Accept application/json', async () => {
    stability.scriptNext({ output: { finish_reason: 'CONTENT_FILTERED', seed: 9 } });
    const id = await start();
    const result = await getPath(stability, `/v2beta/image-to-video/result/${id}`, { accept: 'application/json' });
    expect(result.headers.get('content-type')).toBe('application/json; type=video/mp4');
    const body = (await result.json()) as { video: string; seed: number; finish_reason: string };
    expect(body).toMatchObject({ seed: 9, finish_reason: 'CONTENT_FILTERED' });
    expect(Buffer.from(body.video, 'base64').toString('latin1', 4, 8)).toBe('ftyp');
  });

  it('answers 404 for an unknown id, another key, or an expired result', async () => {
    const expiring = await startStabilityServer({ resultTtlMs: 1 });
    try {
      const id = await start();
      const otherKey = await getPath(stability, `/v2beta/image-to-video/result/${id}`, { authorization: `Bearer ${OTHER_KEY}` });
      expect(otherKey.status).toBe(404);
      expect(await otherKey.json()).toMatchObject({ name: 'not_found', errors: [expect.stringContaining('started with another API key')] });
      expect((await getPath(stability, `/v2beta/image-to-video/result/${'0'.repeat(64)}`)).status).toBe(404);

      const old = (await (await postForm(expiring, '/v2beta/image-to-video', { image: FIRST_FRAME })).json()) as { id: string };
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect((await getPath(expiring, `/v2beta/image-to-video/result/${old.id}`)).status).toBe(404);
    } finally {
      await expiring.close();
    }
  });

  it('takes jpeg and png first frames of the three sizes only', async () => {
    await start({ image: createSolidJpeg(576, 1024) });
    await start({ image: createPng({ width: 768, height: 768 }) });
    const cases: [Uint8Array | string, string][] = [
      [createPng({ width: 1024, height: 768 }), 'image: must be 1024x576, 576x1024, 768x768 pixels; got 1024x768'],
      [createSolidWebp(768, 768), 'image: must be a jpeg or png image'],
      ['https://example.com/frame.png', 'image: is required and must be a file part (jpeg or png)'],
    ];
    for (const [image, error] of cases) {
      const response = await postForm(stability, '/v2beta/image-to-video', { image });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ name: 'bad_request', errors: [error] });
    }
  });

  it('fails a job with its scripted error at the result', async () => {
    stability.scriptNext({ outcome: { error: 'the GPU caught fire' } });
    stability.scriptNext({ outcome: 'moderation' });
    const failed = await start();
    const moderated = await start();
    const failure = await getPath(stability, `/v2beta/image-to-video/result/${failed}`);
    expect(failure.status).toBe(500);
    expect(await failure.json()).toMatchObject({ name: 'internal_error', errors: ['the GPU caught fire'] });
    expect((await getPath(stability, `/v2beta/image-to-video/result/${moderated}`)).status).toBe(403);
  });

  it('answers 404 to both routes when image-to-video is retired', async () => {
    const id = await start();
    stability.setImageToVideoRetired(true);
    expect((await postForm(stability, '/v2beta/image-to-video', { image: FIRST_FRAME })).status).toBe(404);
    expect((await getPath(stability, `/v2beta/image-to-video/result/${id}`)).status).toBe(404);
    stability.setImageToVideoRetired(false);
    expect((await getPath(stability, `/v2beta/image-to-video/result/${id}`)).status).toBe(200);
  });

  it('targets result faults at one job', async () => {
    const first = await start();
    const second = await start();
    stability.injectFault({ phase: 'result', jobId: first, fault: { kind: 'respond', status: 502 } });
    expect((await getPath(stability, `/v2beta/image-to-video/result/${second}`)).status).toBe(200);
    expect((await getPath(stability, `/v2beta/image-to-video/result/${first}`)).status).toBe(502);
    expect(stability.requests({ phase: 'result', jobId: first })).toHaveLength(1);
  });
});
