import { createGateway } from '@tarash/core';
import { falProvider } from '@tarash/provider-fal';
import type { Contender } from '../video-client';
import { FAL_VIDEO_MODEL } from './fal-fake-hosts';

/** Ours: `generateVideo` through `@tarash/provider-fal` (SSE status stream by default). */
export const tarashFal: Contender = {
  id: 'tarash',
  label: 'ours (@tarash/provider-fal)',
  connect(server) {
    const gateway = createGateway({ providers: [falProvider()] });
    const config = { provider: 'fal', model: FAL_VIDEO_MODEL, apiKey: server.apiKey, baseUrl: server.url };
    return {
      async generate(prompt) {
        await gateway.generateVideo(config, { prompt });
      },
    };
  },
};
