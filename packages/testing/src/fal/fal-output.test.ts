import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateContracts } from '../helpers';
import { getJson, submit } from '../test-support/fal-http';
import { startFalServer, type FalFakeServer } from './fal-server';

const contractsDir = locateContracts({ skipping: 'the fal contract tests' });

describe.skipIf(contractsDir === undefined)('fal server with the stored fal contracts', () => {
  let fal: FalFakeServer;
  let lenient: FalFakeServer;

  beforeAll(async () => {
    fal = await startFalServer({ contractsDir: contractsDir as string });
    lenient = await startFalServer({ contractsDir: contractsDir as string, validation: 'fail-later' });
  });

  afterAll(async () => {
    await Promise.all([fal.close(), lenient.close()]);
  });

  it('rejects a body violating fal-ai/veo3.1 input schema at submit with pydantic-style 422', async () => {
    const { response, body } = await submit(fal, 'fal-ai/veo3.1', { duration: '5s', resolution: '8k' });
    expect(response.status).toBe(422);
    expect(response.headers.get('x-fal-retryable')).toBe('false');
    const detail = (body as unknown as { detail: { loc: unknown[]; type: string; input?: unknown; msg: string }[] }).detail;
    expect(detail).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ loc: ['body', 'prompt'], type: 'missing', msg: 'Field required' }),
        expect.objectContaining({ loc: ['body', 'duration'], type: 'literal_error', input: '5s', msg: "Input should be '4s', '6s' or '8s'" }),
        expect.objectContaining({ loc: ['body', 'resolution'], type: 'literal_error', input: '8k' }),
      ]),
    );
    expect(detail).toHaveLength(3);
    expect(fal.jobs({ endpointId: 'fal-ai/veo3.1' })).toHaveLength(0);
  });

  it('accepts a valid body and an endpoint it has no schema for', async () => {
    expect((await submit(fal, 'fal-ai/veo3.1', { prompt: 'lake', duration: '8s', resolution: '4k' })).response.status).toBe(200);
    expect((await submit(fal, 'someone/unknown-model', { anything: 1 })).response.status).toBe(200);
  });

  it('in fail-later mode accepts the submit and fails the job with the 422', async () => {
    const { response, body } = await submit(lenient, 'fal-ai/veo3.1', { prompt: 'x', duration: '5s' });
    expect(response.status).toBe(200);
    expect((await getJson(body.status_url)).body).toMatchObject({ status: 'COMPLETED', error_type: 'validation_error' });
    const result = await getJson(body.response_url);
    expect(result.status).toBe(422);
    expect(result.body).toMatchObject({ detail: [{ loc: ['body', 'duration'], type: 'literal_error' }] });
    expect(lenient.job(body.request_id)?.validationIssues.map((issue) => issue.path)).toEqual([['duration']]);
  });

  it('builds outputs from the output schema: sora-2 video_id and VideoFile facts', async () => {
    const { body } = await submit(fal, 'fal-ai/sora-2/text-to-video', { prompt: 'a fox', duration: 8 });
    const output = (await getJson(body.response_url)).body;
    expect(output).toMatchObject({
      video_id: `video_${body.request_id}`,
      video: { content_type: 'video/mp4', width: 16, height: 16, fps: 24, duration: 8, num_frames: 192, url: expect.any(String) },
    });
  });

  it('builds image outputs: flux-2 images per num_images at the requested size, wan text-to-image a single image', async () => {
    const flux = await submit(fal, 'fal-ai/flux-2', { prompt: 'cat', num_images: 2, image_size: 'landscape_16_9', seed: 7 });
    const fluxOutput = (await getJson(flux.body.response_url)).body as { images: { url: string; width: number; height: number }[] };
    expect(fluxOutput).toMatchObject({ prompt: 'cat', seed: 7, has_nsfw_concepts: [false, false], timings: expect.any(Object) });
    expect(fluxOutput.images.map((image) => [image.width, image.height])).toEqual([
      [1024, 576],
      [1024, 576],
    ]);
    const png = Buffer.from(await (await fetch(fluxOutput.images[1]?.url as string)).arrayBuffer());
    expect(png.toString('latin1', 1, 4)).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 576]);
    const wan = await submit(fal, 'fal-ai/wan/v2.2-a14b/text-to-image', { prompt: 'dog' });
    const wanOutput = (await getJson(wan.body.response_url)).body;
    expect(wanOutput).toMatchObject({ image: { content_type: 'image/png', url: expect.any(String) }, seed: expect.any(Number) });
    expect(wanOutput).not.toHaveProperty('images');
  });
});
