import { createGateway } from '@tarash/core';
import { replicateProvider } from '@tarash/provider-replicate';
import { FAKE_REPLICATE_TOKEN } from '@tarash/testing/replicate';
import type { Contender } from '../video-client';
import { REPLICATE_VIDEO_MODEL, replicateApiBase } from './replicate-fake-model';

/** Ours: `generateVideo` through `@tarash/provider-replicate` (`Prefer: wait`, then polling). */
export const tarashReplicate: Contender = {
  id: 'tarash',
  label: 'ours (@tarash/provider-replicate)',
  connect(serverUrl) {
    const gateway = createGateway({ providers: [replicateProvider()] });
    const config = { provider: 'replicate', model: REPLICATE_VIDEO_MODEL, apiKey: FAKE_REPLICATE_TOKEN, baseUrl: replicateApiBase(serverUrl) };
    return {
      async generate(prompt) {
        await gateway.generateVideo(config, { prompt });
      },
    };
  },
};
