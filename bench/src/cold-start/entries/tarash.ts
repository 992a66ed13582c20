/** Bundle entry: a video through ours (generateVideo + falProvider). */
import { generateVideo, registerProvider } from '@tarash/core';
import { falProvider } from '@tarash/provider-fal';

registerProvider(falProvider());

export function generate(prompt: string) {
  return generateVideo({ provider: 'fal', model: 'fal-ai/veo3.1' }, { prompt });
}
