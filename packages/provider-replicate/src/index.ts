/**
 * @tarash/provider-replicate — Replicate for Tarash Gateway: predictions through official
 * models, versions and deployments (`Prefer: wait` first, polling after), Files API uploads,
 * signed webhooks, and input mappings for popular video and image models.
 */
export { replicateProvider } from './replicate-provider';
export type { ReplicateProviderOptions } from './provider-options';
export { REPLICATE_WEBHOOK_EVENTS, type ReplicateProviderConfig, type ReplicateWebhookEvent } from './provider-config';
export { parseReplicateWebhook, verifyReplicateWebhook, type ReplicateWebhookVerifyOptions } from './webhooks/replicate-webhook';
export { REPLICATE_MODEL_DEFINITIONS, REPLICATE_MODEL_IDS, findModelDefinition } from './models/model-registry';
export type { MappingConfidence, ReplicateImageModel, ReplicateModelDefinition, ReplicateVideoModel } from './models/replicate-model';
export { REPLICATE_API_BASE } from './transport/replicate-api';
