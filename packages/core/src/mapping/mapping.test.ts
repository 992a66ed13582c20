import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/validation-error';
import type { VideoGenerationRequest } from '../types/video-generation-request';
import type { ImageGenerationRequest } from '../types/image-generation-request';
import { constant, enumField, passthrough } from './basic-mappers';
import { durationField, formatDuration, inferDurationFormat, parseDurationValue } from './duration-field';
import type { FieldMappers } from './field-mapper';
import { mapRequest } from './map-request';
import { imageField, imageListField, mediaField } from './media-fields';
import { PendingMedia, collectPendingMedia, resolvePendingMedia } from './pending-media';

const target = { provider: 'p', model: 'm' };
const png = (n: number) => `https://img.example/${n}.png`;

describe('durationField', () => {
  it.each([
    [['4s', '6s', '8s'], 6, '6s'],
    [['5', '10'], 10, '10'],
    [[4, 8, 12], 8, 8],
  ] as const)('writes seconds in the allowed format %j', (allowed, seconds, expected) => {
    const { body } = mapRequest<VideoGenerationRequest>({ prompt: 'x', durationSeconds: seconds }, { duration: durationField({ allowed }) }, target);
    expect(body.duration).toBe(expected);
  });

  it('lists the allowed seconds when the value is not allowed', () => {
    const run = () => mapRequest<VideoGenerationRequest>({ prompt: 'x', durationSeconds: 5 }, { duration: durationField({ allowed: ['4s', '6s', '8s'] }) }, target);
    expect(run).toThrow(ValidationError);
    expect(run).toThrow('durationSeconds = 5: p m does not support this duration (allowed: 4, 6, 8)');
  });

  it('checks ranges and integrality without an enum', () => {
    const mappers = { duration: durationField({ format: 'integer', min: 1, max: 15 }) };
    expect(mapRequest<VideoGenerationRequest>({ prompt: 'x', durationSeconds: 15 }, mappers, target).body.duration).toBe(15);
    expect(() => mapRequest<VideoGenerationRequest>({ prompt: 'x', durationSeconds: 16 }, mappers, target)).toThrow(/from 1 to 15/);
    expect(() => mapRequest<VideoGenerationRequest>({ prompt: 'x', durationSeconds: 2.5 }, mappers, target)).toThrow(/whole seconds/);
  });

  it('parses and formats every format', () => {
    expect(parseDurationValue('8s')).toBe(8);
    expect(inferDurationFormat(['4', '8'])).toBe('string');
    expect(formatDuration(4, 'seconds-suffix')).toBe('4s');
  });
});

describe('images by role', () => {
  const request: VideoGenerationRequest = {
    prompt: 'x',
    imageList: [
      { image: png(0), type: 'reference' },
      { image: png(1), type: 'first_frame' },
      { image: png(2), type: 'last_frame' },
      { image: png(3), type: 'reference' },
    ],
  };

  it('consumes each image once and reports the unused ones', () => {
    const mappers: FieldMappers<VideoGenerationRequest> = {
      prompt: passthrough('prompt'),
      start_image_url: imageField({ roles: ['first_frame'] }),
      image_urls: imageListField({ roles: ['reference', 'first_frame'], max: 4 }),
    };
    const { body, warnings } = mapRequest(request, mappers, target);
    expect(collectPendingMedia(body.start_image_url).map((m) => m.source)).toEqual(['imageList[1]']);
    expect(collectPendingMedia(body.image_urls).map((m) => m.source)).toEqual(['imageList[0]', 'imageList[3]']);
    expect(warnings).toEqual(['imageList[2] ("last_frame") was not sent: no field of p m takes an image with role "last_frame"']);
  });

  it('requires a required image and limits list sizes', () => {
    expect(() => mapRequest<VideoGenerationRequest>({ prompt: 'x' }, { image_url: imageField({ roles: ['first_frame'], required: true }) }, target)).toThrow(
      /requires an image with role "first_frame"/,
    );
    expect(() => mapRequest(request, { image_urls: imageListField({ roles: ['reference'], max: 1 }) }, target)).toThrow(/takes 0 to 1 such image/);
  });

  it('maps video and audio inputs', () => {
    const { body } = mapRequest<VideoGenerationRequest>({ prompt: 'x', video: 'https://v.example/a.mp4' }, { video_url: mediaField('video', 'video') }, target);
    expect(body.video_url).toBeInstanceOf(PendingMedia);
    expect(JSON.parse(JSON.stringify(body))).toEqual({ video_url: { $media: 'video', kind: 'video', input: '"https://v.example/a.mp4"' } });
  });

  it('resolves pending media deeply', async () => {
    const { body } = mapRequest(request, { image_urls: imageListField({ roles: ['reference'] }), nested: constant({ keep: 1 }) }, target);
    const resolved = await resolvePendingMedia(body, async (m) => `resolved:${m.source}`);
    expect(resolved).toEqual({ image_urls: ['resolved:imageList[0]', 'resolved:imageList[3]'], nested: { keep: 1 } });
  });
});

describe('mapRequest', () => {
  const mappers: FieldMappers<ImageGenerationRequest> = {
    prompt: passthrough('prompt'),
    num_images: passthrough('n'),
    style: enumField('style', ['vivid', 'natural']),
  };

  it('renames, passes through, and merges extraParams last with a warning on overrides', () => {
    const { body, warnings } = mapRequest<ImageGenerationRequest>({ prompt: 'a', n: 2, extraParams: { num_images: 3, guidance: 2 } }, mappers, target);
    expect(body).toEqual({ prompt: 'a', num_images: 3, guidance: 2 });
    expect(warnings).toEqual(['extraParams.num_images replaced the value mapped from the standard request']);
  });

  it('validates enum fields with the allowed values', () => {
    expect(() => mapRequest<ImageGenerationRequest>({ prompt: 'a', style: 'loud' }, mappers, target)).toThrow('style = "loud": not supported by p m (allowed: "vivid", "natural")');
  });

  it('warns about unused standard fields, or fails in strict mode', () => {
    const request: ImageGenerationRequest = { prompt: 'a', seed: 4, negativePrompt: 'blur' };
    expect(mapRequest(request, mappers, target).warnings).toEqual([
      'seed (4) was not sent: not supported by p m',
      'negativePrompt ("blur") was not sent: not supported by p m',
    ]);
    expect(() => mapRequest(request, mappers, { ...target, strict: true })).toThrow(/strict mode.*seed = 4.*negativePrompt = "blur"/);
  });
});
