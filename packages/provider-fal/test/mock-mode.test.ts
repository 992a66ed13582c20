import { createGateway, ValidationError } from '@tarash/core';
import { rejectionOf } from '@tarash/testing/helpers';
import { describe, expect, it } from 'vitest';
import { falProvider } from '../src/index';

const gateway = createGateway({ providers: [falProvider()] });
const mock = { enabled: true, responses: [{ weight: 1, delayMs: 20 }] };

describe('mock mode through the real fal mapping', () => {
  it('reflects what fal would have been asked for', async () => {
    const video = await gateway.generateVideo({ provider: 'fal', model: 'fal-ai/veo3.1', mock }, { prompt: 'Lake', durationSeconds: 6, resolution: '1080P' });
    expect(video).toMatchObject({ isMock: true, duration: 6, resolution: '1080p' });
    const image = await gateway.generateImage({ provider: 'fal', model: 'fal-ai/flux/dev', mock }, { prompt: 'Bike', extraParams: { image_size: { width: 640, height: 360 } } });
    expect(image).toMatchObject({ isMock: true, width: 640, height: 360 });
  });

  it('fails on what fal would refuse', async () => {
    const error = await rejectionOf(gateway.generateVideo({ provider: 'fal', model: 'fal-ai/veo3.1', mock }, { prompt: 'Lake', durationSeconds: 5 }));
    expect(error).toBeInstanceOf(ValidationError);
  });
});
