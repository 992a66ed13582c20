/**
 * @tarash/provider-stability: Stability AI for Tarash Gateway. Register `stabilityProvider()`
 * and use `provider: 'stability'` with a model id from {@link STABILITY_MODEL_IDS}.
 */
import type { StabilityModelParams } from './models/stability-model-params';

export { stabilityProvider } from './stability-provider';
export { STABILITY_BASE_URL, type StabilityProviderOptions, type StabilityRateLimitOptions } from './stability-provider-options';
export type {
  StabilityContentFilteredPolicy,
  StabilityProviderConfig,
  StabilityResponseFormat,
} from './stability-provider-config';
export { STABILITY_IMAGE_MODELS, STABILITY_MODEL_IDS, STABILITY_VIDEO_MODEL, type StabilityImageEndpoint, type StabilityImageModel } from './models/stability-models';
export {
  STABILITY_ASPECT_RATIOS,
  STABILITY_FINISH_REASONS,
  STABILITY_MAX_PROMPT_LENGTH,
  STABILITY_MAX_REQUEST_BYTES,
  STABILITY_MAX_SEED,
  STABILITY_OUTPUT_FORMATS,
  STABILITY_SD3_MODES,
  STABILITY_STYLE_PRESETS,
  STABILITY_VIDEO_FRAME_SIZES,
  type StabilityAspectRatio,
  type StabilityOutputFormat,
  type StabilitySd3Mode,
  type StabilityStylePreset,
} from './models/stability-values';
export type {
  StabilityCoreParams,
  StabilityImageCommonParams,
  StabilityImageToVideoParams,
  StabilityModelParams,
  StabilitySd3Params,
  StabilityUltraParams,
} from './models/stability-model-params';

declare module '@tarash/core' {
  interface ProviderModelRegistry {
    stability: StabilityModelParams;
  }
}
