import type { FalEndpointParams } from './models/fal-endpoint-params';

export type { FalModelDefinition, FalOutputSpec } from './models/fal-model-definition';
export type { FalEndpointParams } from './models/fal-endpoint-params';
export { falModels } from './models/registry';

export { falProvider, type FalProviderOptions } from './fal-provider';
export {
  DEFAULT_FAL_QUEUE_URL,
  DEFAULT_FAL_REST_URL,
  DEFAULT_INLINE_MEDIA_MAX_BYTES,
  DEFAULT_MULTIPART_PART_BYTES,
  DEFAULT_MULTIPART_THRESHOLD_BYTES,
  DEFAULT_REQUEST_TIMEOUT_MS,
  DEFAULT_STREAM_IDLE_TIMEOUT_MS,
  type FalSettingsInput,
} from './config/fal-settings';
export { genericFalImageMappers, genericFalVideoMappers } from './mapping/generic-fal-mappers';
export {
  DEFAULT_FAL_JWKS_URL,
  DEFAULT_JWKS_CACHE_MS,
  DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
  FalWebhookVerifier,
  verifyFalWebhook,
  type FalWebhookVerifierOptions,
} from './webhooks/fal-webhook-verifier';
export { parseFalWebhook, type ParseFalWebhookOptions, type ParsedFalWebhook } from './webhooks/parse-fal-webhook';

declare module '@tarash/core' {
  interface ProviderModelRegistry {
    fal: FalEndpointParams;
  }
}
