import { createFalClient } from '@fal-ai/client';
import type { Contender } from '../video-client';
import { FAL_VIDEO_MODEL, onFakeFalServer } from './fal-fake-hosts';

/** `@fal-ai/client` `subscribe`, pointed at the fake server through its request middleware. */
function falJsSubscribe(mode: 'polling' | 'streaming'): Contender {
  return {
    id: `fal-js-${mode}`,
    label: `@fal-ai/client subscribe (${mode})`,
    connect(server) {
      const client = createFalClient({
        credentials: server.apiKey,
        requestMiddleware: async (request) => ({ ...request, url: onFakeFalServer(request.url, server.url) }),
      });
      return {
        async generate(prompt) {
          // Polling is fal-js's default mode (every 500 ms); streaming follows the status stream.
          await client.subscribe(FAL_VIDEO_MODEL, mode === 'streaming' ? { input: { prompt }, mode } : { input: { prompt } });
        },
      };
    },
  };
}

export const falJsPolling = falJsSubscribe('polling');
export const falJsStreaming = falJsSubscribe('streaming');
