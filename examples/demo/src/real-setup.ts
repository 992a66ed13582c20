import type { GenerationConfig } from '@tarash/core';
import { IMAGE_REQUEST, VIDEO_REQUEST, type DemoSetup } from './demo-setup';

/** One provider the demo can use for real: the key it needs and its cheapest good models. */
interface RealProvider {
  readonly envVar: string;
  /** Absent where text-to-video is not offered (Stability's video needs a first frame). */
  readonly video?: GenerationConfig;
  readonly image: GenerationConfig;
}

/** In fallback order: the first provider with a key leads, the others back it up. */
const REAL_PROVIDERS: readonly RealProvider[] = [
  { envVar: 'FAL_KEY', video: { provider: 'fal', model: 'fal-ai/veo3.1/fast' }, image: { provider: 'fal', model: 'fal-ai/flux/dev' } },
  {
    envVar: 'REPLICATE_API_TOKEN',
    video: { provider: 'replicate', model: 'google/veo-3-fast' },
    image: { provider: 'replicate', model: 'black-forest-labs/flux-schnell' },
  },
  {
    envVar: 'GEMINI_API_KEY',
    video: { provider: 'google', model: 'veo-3.1-fast-generate-preview' },
    image: { provider: 'google', model: 'gemini-2.5-flash-image' },
  },
  { envVar: 'OPENAI_API_KEY', video: { provider: 'openai', model: 'sora-2' }, image: { provider: 'openai', model: 'gpt-image-1-mini' } },
  { envVar: 'STABILITY_API_KEY', image: { provider: 'stability', model: 'stable-image-core' } },
];

function chain(configs: readonly GenerationConfig[]): GenerationConfig | undefined {
  const [first, ...rest] = configs;
  return first ? { ...first, ...(rest.length ? { fallbackConfigs: rest } : {}) } : undefined;
}

/** Builds chains from the API keys present in the environment; undefined when there are none. */
export function realSetup(env: Readonly<Record<string, string | undefined>> = process.env): DemoSetup | undefined {
  const available = REAL_PROVIDERS.filter((p) => env[p.envVar]);
  const videoChain = available.flatMap((p) => (p.video ? [p.video] : []));
  const imageChain = available.map((p) => p.image);
  if (imageChain.length === 0) return undefined;
  const video = chain(videoChain);
  const image = chain(imageChain);
  return {
    mode: 'real',
    notes: [
      `API keys found (${available.map((p) => p.envVar).join(', ')}): using the REAL providers. This run is billed by them.`,
      `  video chain: ${videoChain.map((c) => `${c.provider} ${c.model}`).join(' → ') || '(none: no video provider key)'}`,
      `  image chain: ${imageChain.map((c) => `${c.provider} ${c.model}`).join(' → ')}`,
    ],
    ...(video ? { video: { config: video, request: VIDEO_REQUEST } } : {}),
    ...(image ? { image: { config: image, request: IMAGE_REQUEST } } : {}),
    async close() {},
  };
}
