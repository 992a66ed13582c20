import { createGateway } from '@tarash/core';
import { replicateProvider } from '@tarash/provider-replicate';
import type { Contender } from '../video-client';
import { REPLICATE_VIDEO_MODEL, replicateApiBase } from './replicate-fake-model';

/** Ours: `generateVideo` through `@tarash/provider-replicate` (`Prefer: wait`, then polling). */
export const tarashReplicate: Contender = {
  id: 'tarash',
  label: 'ours (@tarash/provider-replicate)',
  connect(server) {
    const gateway = createGateway({ providers: [replicateProvider()] });
    const config = { provider: 'replicate', model: REPLICATE_VIDEO_MODEL, apiKey: server.apiKey, baseUrl: replicateApiBase(server.url) };
    return {
      async generate(prompt) {
        await gateway.generateVideo(config, { prompt });
      },
    };
  },
};
