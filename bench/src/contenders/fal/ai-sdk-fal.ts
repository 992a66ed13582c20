import { createFal } from '@ai-sdk/fal';
import { experimental_generateVideo } from 'ai';
import type { FakeServerAddress } from '../../fake-servers/server-host-protocol';
import type { Contender } from '../video-client';
import { FAL_VIDEO_MODEL, onFakeFalServer } from './fal-fake-hosts';

function urlOf(input: string | URL | Request): string {
  return typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
}

/**
 * The `fetch` the AI SDK gets: fal's hosts are rewritten to the fake server. The SDK polls the
 * `response_url` fal returns and sends its key only when that URL is on the submit's origin,
 * which it always is in production (queue.fal.run); here the URL is the fake's own, so the key
 * is added for it, exactly as the SDK would send it to queue.fal.run.
 */
function fakeFalFetch(server: FakeServerAddress): typeof fetch {
  return (input, init) => {
    const url = onFakeFalServer(urlOf(input), server.url);
    const headers = new Headers(init?.headers);
    if (url.startsWith(server.url) && !headers.has('authorization')) headers.set('authorization', `Key ${server.apiKey}`);
    return fetch(url, { ...init, headers });
  };
}

/**
 * `experimental_generateVideo` downloads the video before it returns. Its default download
 * refuses loopback addresses (an SSRF guard), so it gets a plain fetch of the same URL instead.
 */
type VideoDownload = NonNullable<Parameters<typeof experimental_generateVideo>[0]['download']>;

const downloadFromFakeServer: VideoDownload = async ({ url, abortSignal }) => {
  const response = await fetch(url, abortSignal ? { signal: abortSignal } : {});
  if (!response.ok) throw new Error(`download of ${url.href} failed: HTTP ${response.status}`);
  const mediaType = response.headers.get('content-type');
  return { data: new Uint8Array(await response.arrayBuffer()), mediaType: mediaType ?? undefined };
};

/** The Vercel AI SDK: `experimental_generateVideo` with `@ai-sdk/fal` (fal queue: submit, then polls the result URL every 2 s). */
export const aiSdkFal: Contender = {
  id: 'ai-sdk',
  label: 'Vercel AI SDK (ai + @ai-sdk/fal)',
  connect(server) {
    const fal = createFal({ apiKey: server.apiKey, fetch: fakeFalFetch(server) });
    const model = fal.video(FAL_VIDEO_MODEL);
    return {
      async generate(prompt) {
        await experimental_generateVideo({ model, prompt, download: downloadFromFakeServer });
      },
    };
  },
};
