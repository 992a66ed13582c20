import type { GenerationConfig } from '@tarash/core';
import { IMAGE_REQUEST, VIDEO_REQUEST, type DemoSetup } from './demo-setup';

/** Builds chains from the API keys present in the environment; returns undefined when there are none. */
export function realSetup(env: NodeJS.ProcessEnv = process.env): DemoSetup | undefined {
  const videoChain: GenerationConfig[] = [];
  const imageChain: GenerationConfig[] = [];
  if (env.FAL_KEY) {
    videoChain.push({ provider: 'fal', model: 'fal-ai/veo3.1/fast' });
    imageChain.push({ provider: 'fal', model: 'fal-ai/flux/dev' });
  }
  if (env.OPENAI_API_KEY) {
    videoChain.push({ provider: 'openai', model: 'sora-2' });
    imageChain.push({ provider: 'openai', model: 'gpt-image-1-mini' });
  }
  if (videoChain.length === 0) return undefined;
  const chain = (configs: GenerationConfig[]): GenerationConfig | undefined => {
    const [first, ...rest] = configs;
    return first ? { ...first, ...(rest.length ? { fallbackConfigs: rest } : {}) } : undefined;
  };
  const video = chain(videoChain);
  const image = chain(imageChain);
  return {
    mode: 'real',
    notes: [
      'API keys found: using the REAL providers. This run is billed by them.',
      `  video chain: ${videoChain.map((c) => `${c.provider} ${c.model}`).join(' → ')}`,
      `  image chain: ${imageChain.map((c) => `${c.provider} ${c.model}`).join(' → ')}`,
    ],
    ...(video ? { video: { config: video, request: VIDEO_REQUEST } } : {}),
    ...(image ? { image: { config: image, request: IMAGE_REQUEST } } : {}),
    async close() {},
  };
}
