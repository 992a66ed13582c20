import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateContracts } from '../helpers';
import { StabilityFakeServer, startStabilityServer } from './stability-server';
import { FIRST_FRAME, postForm } from './test-requests';

const contractsDir = locateContracts({ skipping: 'the Stability contract tests' });
const GENERATE = '/v2beta/stable-image/generate';

describe.skipIf(contractsDir === undefined)('stability server with the stored reconstructed contract', () => {
  let stability: StabilityFakeServer;

  beforeAll(async () => {
    stability = await startStabilityServer({ contractsDir: contractsDir as string });
  });

  afterAll(async () => {
    await stability.close();
  });

  async function errors(path: string, form: Record<string, string | number | Uint8Array>): Promise<string[]> {
    const response = await postForm(stability, path, form);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { name: string; errors: string[] };
    expect(body.name).toBe('bad_request');
    return body.errors;
  }

  it('accepts every documented field of each endpoint', async () => {
    const common = { prompt: 'a lake', negative_prompt: 'fog', seed: 4_294_967_294, style_preset: 'analog-film', output_format: 'webp', aspect_ratio: '9:21' };
    for (const [endpoint, extra] of [
      ['ultra', {}],
      ['core', {}],
      ['sd3', { model: 'sd3.5-large-turbo', cfg_scale: 1, mode: 'text-to-image' }],
    ] as const) {
      const response = await postForm(stability, `${GENERATE}/${endpoint}`, { ...common, ...extra });
      expect(response.status, endpoint).toBe(200);
    }
  });

  it.each([
    [{ prompt: '' }, 'prompt: must NOT have fewer than 1 characters'],
    [{ prompt: 'x'.repeat(10_001) }, 'prompt: must NOT have more than 10000 characters'],
    [{ prompt: 'x', seed: 4_294_967_295 }, 'seed: must be <= 4294967294'],
    [{ prompt: 'x', seed: -1 }, 'seed: must be >= 0'],
    [{ prompt: 'x', aspect_ratio: '4:3' }, 'aspect_ratio: must be one of "21:9", "16:9", "3:2", "5:4", "1:1", "4:5", "2:3", "9:16", "9:21"; got "4:3"'],
    [{ prompt: 'x', style_preset: 'watercolour' }, 'style_preset: must be one of "enhance", "anime"'],
    [{ prompt: 'x', output_format: 'gif' }, 'output_format: must be one of "jpeg", "png", "webp"; got "gif"'],
  ])('ultra rejects %j', async (form, expected) => {
    expect((await errors(`${GENERATE}/ultra`, form)).join('\n')).toContain(expected);
  });

  it('ultra requires a prompt', async () => {
    expect(await errors(`${GENERATE}/ultra`, { seed: 1 })).toContain('prompt: is required');
  });

  it.each([
    [{ prompt: 'x', model: 'sd4' }, 'model: must be one of "sd3.5-large", "sd3.5-large-turbo", "sd3.5-medium"; got "sd4"'],
    [{ prompt: 'x', cfg_scale: 11 }, 'cfg_scale: must be <= 10'],
    [{ prompt: 'x', cfg_scale: 0.5 }, 'cfg_scale: must be >= 1'],
    [{ prompt: 'x', mode: 'inpaint' }, 'mode: must be one of "text-to-image", "image-to-image"'],
    [{ prompt: 'x', mode: 'image-to-image', image: FIRST_FRAME, strength: 1.5 }, 'strength: must be <= 1'],
  ])('sd3 rejects %j', async (form, expected) => {
    expect((await errors(`${GENERATE}/sd3`, form)).join('\n')).toContain(expected);
  });

  it('sd3 takes sd3.5-flash (named in the description) and the re-routed sd3-* ids', async () => {
    for (const model of ['sd3.5-flash', 'sd3-large', 'sd3-medium']) {
      expect((await postForm(stability, `${GENERATE}/sd3`, { prompt: 'x', model })).status, model).toBe(200);
    }
  });

  it.each([
    [{ image: FIRST_FRAME, cfg_scale: 10.5 }, 'cfg_scale: must be <= 10'],
    [{ image: FIRST_FRAME, motion_bucket_id: 0 }, 'motion_bucket_id: must be >= 1'],
    [{ image: FIRST_FRAME, motion_bucket_id: 256 }, 'motion_bucket_id: must be <= 255'],
    [{ seed: 3 }, 'image: is required'],
  ])('image-to-video rejects %j', async (form, expected) => {
    expect((await errors('/v2beta/image-to-video', form)).join('\n')).toContain(expected);
  });

  it('image-to-video takes the documented fields', async () => {
    const response = await postForm(stability, '/v2beta/image-to-video', { image: FIRST_FRAME, seed: 0, cfg_scale: 0, motion_bucket_id: 255 });
    expect(response.status).toBe(200);
  });
});
