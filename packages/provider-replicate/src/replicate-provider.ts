import type { ImageGenerationRequest, ProviderImageResult, ProviderPlugin, ProviderVideoResult, VideoGenerationRequest } from '@tarash/core';
import { prepareReplicateRequest } from './prepare-request';
import { resolveProviderOptions, type ReplicateProviderOptions } from './provider-options';
import { imageResult, videoResult } from './transport/prediction-result';
import { replicateJobs } from './transport/replicate-jobs';
import { replicateWebhookSupport } from './webhooks/replicate-webhook';

/**
 * The Replicate provider plugin: `registerProvider(replicateProvider())`, then use
 * `provider: 'replicate'` with a model such as `google/veo-3`, `owner/name:<version>`, a
 * version id or `deployments/owner/name`. The API token comes from the config's `apiKey` or
 * `REPLICATE_API_TOKEN`.
 *
 * @throws ValidationError when an option is invalid (naming it).
 */
export function replicateProvider(options: ReplicateProviderOptions = {}): ProviderPlugin {
  const resolved = resolveProviderOptions(options);
  return {
    name: 'replicate',
    apiKeyEnvVars: ['REPLICATE_API_TOKEN'],
    video: {
      prepare: (request, context) => prepareReplicateRequest<VideoGenerationRequest>(request, context),
      jobs: replicateJobs<ProviderVideoResult>(resolved, videoResult),
    },
    image: {
      prepare: (request, context) => prepareReplicateRequest<ImageGenerationRequest>(request, context),
      jobs: replicateJobs<ProviderImageResult>(resolved, imageResult),
    },
    webhooks: replicateWebhookSupport(resolved.webhookSecret),
  };
}
