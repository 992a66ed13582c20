import { describe, expect, it } from 'vitest';
import { falDocument } from '../test-support/fal-document';
import { analyzeEndpoint } from './endpoint-analysis';
import { buildEndpointSample } from './sample-request';

describe('buildEndpointSample', () => {
  it('sets every mapped standard field with an allowed value, images with their roles, and extraParams for required unmapped fields', () => {
    const sample = buildEndpointSample(
      analyzeEndpoint(
        falDocument({
          endpointId: 'fal-ai/test/i2v',
          category: 'image-to-video',
          required: ['prompt', 'start_image_url', 'mode'],
          input: {
            prompt: { type: 'string' },
            start_image_url: { type: 'string' },
            end_image_url: { type: 'string' },
            resolution: { type: 'string', enum: ['512P', '768P'], default: '768P' },
            aspect_ratio: { type: 'string', enum: ['auto', '16:9'] },
            duration: { type: 'integer', enum: [4, 8, 12], default: 8 },
            mode: { type: 'string', enum: ['person', 'object'] },
          },
        }),
      ),
    );
    expect(sample).toEqual({
      requests: [
        {
          prompt: 'A calm lake at sunrise, mist over the water',
          resolution: '768p',
          aspectRatio: '16:9',
          durationSeconds: 8,
          imageList: [
            { image: 'https://example.com/start_image_url-1.png', type: 'first_frame' },
            { image: 'https://example.com/end_image_url-1.png', type: 'last_frame' },
          ],
          extraParams: { mode: 'person' },
        },
      ],
      unused: [],
      unsupportedDuration: { durationSeconds: 13, mentions: ['allowed: 4, 8, 12'] },
    });
  });

  it('samples frame-count durations in seconds and gives one request per image_size form', () => {
    const frames = buildEndpointSample(
      analyzeEndpoint(
        falDocument({
          endpointId: 'fal-ai/test/wan',
          input: {
            prompt: { type: 'string' },
            num_frames: { type: 'integer', minimum: 17, maximum: 161, default: 81 },
            frames_per_second: { type: 'integer', default: 16 },
          },
        }),
      ),
    );
    expect(frames.requests[0]?.['durationSeconds']).toBe(5);
    expect(frames.unsupportedDuration).toEqual({ durationSeconds: 11, mentions: ['to 10 seconds'] });
    const image = buildEndpointSample(
      analyzeEndpoint(
        falDocument({
          endpointId: 'fal-ai/test/image',
          category: 'text-to-image',
          components: { ImageSize: { type: 'object', properties: { width: { type: 'integer' }, height: { type: 'integer' } } } },
          input: {
            image_size: { anyOf: [{ $ref: '#/components/schemas/ImageSize' }, { type: 'string', enum: ['square_hd', 'landscape_16_9'] }] },
          },
          required: [],
          output: { images: { type: 'array', items: { $ref: '#/components/schemas/File' } } },
        }),
      ),
    );
    expect(image.requests.map((r) => [r['aspectRatio'], r['size']])).toEqual([
      ['16:9', undefined],
      [undefined, '1280x720'],
    ]);
    expect(image.unused).toEqual(['prompt']);
  });
});
