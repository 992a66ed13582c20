/** The Replicate model every Replicate scenario runs (an official model: no version needed). */
export const REPLICATE_VIDEO_MODEL = 'google/veo-3';

/** The fake server's API base, where a real client would use https://api.replicate.com/v1. */
export function replicateApiBase(serverUrl: string): string {
  return `${serverUrl}/v1`;
}
