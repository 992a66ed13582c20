import type { VideoDelivery } from './videos/video-jobs';

/** Options of {@link openaiProvider} and {@link azureOpenaiProvider}. */
export interface OpenAIProviderOptions {
  /**
   * How `generateVideo` returns a finished Sora video: `'bytes'` (default) downloads
   * `/videos/{id}/content` and returns `{ data, mediaType: 'video/mp4' }`; `'content-url'`
   * returns that URL without downloading (fetching it needs the API key).
   */
  readonly videoDelivery?: VideoDelivery;
}

const DELIVERIES: readonly VideoDelivery[] = ['bytes', 'content-url'];

/** Checks the options, naming a bad field, its value and what is allowed. */
export function checkProviderOptions(options: OpenAIProviderOptions): Required<OpenAIProviderOptions> {
  const videoDelivery = options.videoDelivery ?? 'bytes';
  if (!DELIVERIES.includes(videoDelivery)) {
    throw new TypeError(`videoDelivery must be one of ${DELIVERIES.map((d) => JSON.stringify(d)).join(', ')}; got ${JSON.stringify(videoDelivery)}.`);
  }
  return { videoDelivery };
}
