import type { ProviderPlugin } from '@tarash/core';
import { generateStabilityImage } from './image/generate-image';
import { prepareStabilityImage } from './mapping/image-request-mapping';
import { prepareStabilityVideo } from './mapping/video-request-mapping';
import { resolveStabilityOptions, type StabilityProviderOptions } from './stability-provider-options';
import { StabilityTransport } from './transport/stability-transport';
import { stabilityVideoJobs } from './video/video-jobs';

/**
 * The Stability AI provider: Stable Image ultra, core and sd3.5 as synchronous multipart calls
 * (`generateImage`), and Stable Video Diffusion image-to-video as a resumable job
 * (`generateVideo`, `startVideo`, `resumeVideo`) while Stability still serves it.
 *
 * ```ts
 * import { registerProvider, generateImage } from '@tarash/core';
 * import { stabilityProvider } from '@tarash/provider-stability';
 *
 * registerProvider(stabilityProvider());
 * const { images } = await generateImage({ provider: 'stability', model: 'stable-image-core' }, { prompt: 'A calm lake', aspectRatio: '16:9' });
 * ```
 *
 * Each instance has its own client-side rate limiter, shared by every config that uses it.
 *
 * @throws RangeError naming an invalid option and its value.
 */
export function stabilityProvider(options: StabilityProviderOptions = {}): ProviderPlugin {
  const resolved = resolveStabilityOptions(options);
  const transport = new StabilityTransport(resolved);
  return {
    name: 'stability',
    apiKeyEnvVars: ['STABILITY_API_KEY'],
    image: { prepare: prepareStabilityImage, generate: generateStabilityImage(transport) },
    video: { prepare: prepareStabilityVideo, jobs: stabilityVideoJobs(transport, resolved) },
  };
}
