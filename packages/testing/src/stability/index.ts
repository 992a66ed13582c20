export {
  StabilityFakeServer,
  startStabilityServer,
  FAKE_STABILITY_KEY,
  STABILITY_PHASES,
  STABILITY_MAX_REQUEST_BYTES,
  STABILITY_IMAGE_TO_VIDEO_SIZES,
} from './stability-server';
export type { StabilityServerOptions, StabilityPhase, StabilityVideoJobInfo } from './stability-server';
export { STABILITY_FINISH_REASONS } from './stability-script';
export type { StabilityJobScript, StabilityOutputOverride, StabilityFinishReason } from './stability-script';
export { StabilityRateLimiter } from './stability-rate-limit';
export type { StabilityRateLimit, StabilityRateLimitVerdict } from './stability-rate-limit';
export { stabilityError, stabilityIssueLine, STABILITY_ERROR_NAMES, STABILITY_MODERATION_MESSAGE, STABILITY_PAYMENT_REQUIRED_MESSAGE } from './stability-errors';
export type { StabilityErrorBody } from './stability-errors';
export { StabilityContract, STABILITY_CONTRACT_FILE, STABILITY_IMAGE_ENDPOINTS, SD3_EXTRA_MODELS } from './stability-contract';
export type { StabilityImageEndpoint } from './stability-contract';
export { STABILITY_ASPECT_RATIO_SIZES, STABILITY_OUTPUT_FORMATS, StabilityMediaCache } from './stability-media';
export type { StabilityOutputFormat, StabilityServedMedia } from './stability-media';
