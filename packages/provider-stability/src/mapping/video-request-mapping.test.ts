import { toDataUri, ValidationError, type PrepareContext, type VideoGenerationRequest } from '@tarash/core';
import { createPng } from '@tarash/testing';
import { thrownBy } from '@tarash/testing/helpers';
import { describe, expect, it } from 'vitest';
import { prepareStabilityVideo } from './video-request-mapping';

const FRAME = new Uint8Array(createPng({ width: 1024, height: 576 }));

function prepare(request: VideoGenerationRequest, extra: Partial<PrepareContext> = {}) {
  return prepareStabilityVideo(request, { provider: 'stability', model: 'stable-video-diffusion', modality: 'video', providerConfig: {}, strict: false, ...extra });
}

describe('prepareStabilityVideo', () => {
  it('maps the first frame, seed and extraParams, and says the prompt is not sent', () => {
    const prepared = prepare({
      prompt: 'a lake',
      seed: 7,
      durationSeconds: 4,
      imageList: [{ image: FRAME, type: 'first_frame' }],
      extraParams: { cfg_scale: 1.8, motion_bucket_id: 127 },
    });
    expect({ body: JSON.parse(JSON.stringify(prepared.body)), route: prepared.route, warnings: prepared.warnings }).toMatchSnapshot();
  });

  it('checks a first frame given as bytes, base64 or a data URI now', () => {
    const wrongSize = new Uint8Array(createPng({ width: 1024, height: 768 }));
    for (const image of [wrongSize, { data: Buffer.from(wrongSize).toString('base64'), mediaType: 'image/png' }, toDataUri(wrongSize, 'image/png')]) {
      expect(thrownBy(() => prepare({ prompt: 'x', imageList: [{ image, type: 'first_frame' }] }), ValidationError).message).toContain(
        'imageList[0] = "1024x768": is not a first-frame size image-to-video accepts (allowed: "1024x576", "576x1024", "768x768")',
      );
    }
    expect(thrownBy(() => prepare({ prompt: 'x', imageList: [{ image: new Uint8Array(64), type: 'first_frame' }] }), ValidationError).message).toContain(
      'must be a PNG or JPEG image (allowed: "image/png", "image/jpeg")',
    );
  });

  it('leaves a URL or Blob first frame to be checked when the job starts', () => {
    expect(prepare({ prompt: 'x', imageList: [{ image: 'https://example.com/frame.png', type: 'first_frame' }] }).body.image).toBeDefined();
    expect(prepare({ prompt: 'x', imageList: [{ image: new Blob([FRAME]), type: 'first_frame' }] }).body.image).toBeDefined();
  });

  it.each([
    ['no first frame', { prompt: 'x' }, 'requires an image with role "first_frame"'],
    ['a reference image only', { prompt: 'x', imageList: [{ image: FRAME, type: 'reference' }] }, 'requires an image with role "first_frame"'],
    ['cfg_scale out of range', { prompt: 'x', imageList: [{ image: FRAME, type: 'first_frame' }], extraParams: { cfg_scale: 12 } }, 'extraParams.cfg_scale = 12: must be a number from 0 to 10'],
    ['motion_bucket_id out of range', { prompt: 'x', imageList: [{ image: FRAME, type: 'first_frame' }], extraParams: { motion_bucket_id: 0 } }, 'extraParams.motion_bucket_id = 0: must be a number from 1 to 255'],
    ['a seed past the maximum', { prompt: 'x', seed: 5_000_000_000, imageList: [{ image: FRAME, type: 'first_frame' }] }, 'seed = 5000000000: must be an integer from 0 to 4294967294'],
    ['more than one video', { prompt: 'x', numberOfVideos: 2, imageList: [{ image: FRAME, type: 'first_frame' }] }, 'numberOfVideos = 2: stability makes one video per job; start one job per video (allowed: 1)'],
  ] as const)('rejects %s', (_label, request, expected) => {
    expect(thrownBy(() => prepare(request as VideoGenerationRequest), ValidationError).message).toContain(expected);
  });

  it('refuses image model ids', () => {
    expect(thrownBy(() => prepareStabilityVideo({ prompt: 'x' }, { provider: 'stability', model: 'stable-image-core', modality: 'video', providerConfig: {}, strict: false }), ValidationError).message).toContain(
      'config.model = "stable-image-core": is an image model; use generateImage (allowed: "stable-video-diffusion")',
    );
  });

  it('reports unused standard fields as errors in strict mode, but never the prompt', () => {
    const request: VideoGenerationRequest = { prompt: 'x', imageList: [{ image: FRAME, type: 'first_frame' }] };
    expect(prepare(request, { strict: true }).warnings).toEqual(['prompt was not sent: stability stable-video-diffusion animates the first frame without a text prompt']);
    expect(thrownBy(() => prepare({ ...request, durationSeconds: 4 }, { strict: true }), ValidationError).message).toContain('durationSeconds = 4');
  });
});
