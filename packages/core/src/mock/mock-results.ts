import type { ProviderImageResult, ProviderVideoResult } from '../provider/provider-result';
import type { ImageGenerationRequest } from '../types/image-generation-request';
import type { JsonObject } from '../types/json-value';
import type { VideoGenerationRequest } from '../types/video-generation-request';

/** Host of mock media URLs; `.invalid` is reserved, so a mock URL can never be mistaken for real output. */
export const MOCK_MEDIA_ORIGIN = 'https://mock.tarash.invalid';

/** What the mock keeps of a request to build a realistic result later (it lives in the JSON handle). */
export function summarizeForMock(request: VideoGenerationRequest | ImageGenerationRequest): JsonObject {
  const r = request as Partial<VideoGenerationRequest & ImageGenerationRequest>;
  const out: JsonObject = {};
  for (const key of ['durationSeconds', 'resolution', 'aspectRatio', 'numberOfVideos', 'n', 'size'] as const) {
    const value = r[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** A realistic video result for mock mode. */
export function mockVideoResult(requestId: string, summary: JsonObject, rawResponse: unknown): ProviderVideoResult {
  const count = typeof summary.numberOfVideos === 'number' ? summary.numberOfVideos : 1;
  const videos = Array.from({ length: count }, (_, i) => `${MOCK_MEDIA_ORIGIN}/videos/${requestId}${count > 1 ? `-${i}` : ''}.mp4`);
  return {
    requestId,
    video: videos[0] as string,
    ...(count > 1 ? { videos } : {}),
    contentType: 'video/mp4',
    duration: typeof summary.durationSeconds === 'number' ? summary.durationSeconds : 5,
    resolution: typeof summary.resolution === 'string' ? summary.resolution : '720p',
    aspectRatio: typeof summary.aspectRatio === 'string' ? summary.aspectRatio : '16:9',
    rawResponse,
  };
}

/** A realistic image result for mock mode. */
export function mockImageResult(requestId: string, summary: JsonObject, rawResponse: unknown): ProviderImageResult {
  const count = typeof summary.n === 'number' ? summary.n : 1;
  const [width, height] = typeof summary.size === 'string' ? summary.size.split('x').map(Number) : [1024, 1024];
  return {
    requestId,
    images: Array.from({ length: count }, (_, i) => `${MOCK_MEDIA_ORIGIN}/images/${requestId}-${i}.png`),
    contentType: 'image/png',
    ...(width ? { width } : {}),
    ...(height ? { height } : {}),
    rawResponse,
  };
}
