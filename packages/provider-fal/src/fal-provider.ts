import type { ImageGenerationRequest, ProviderPlugin, VideoGenerationRequest } from '@tarash/core';
import { parseFalSettings, type FalSettingsInput } from './config/fal-settings';
import { prepareFalRequest } from './mapping/prepare-fal-request';
import { falMockImageResult, falMockVideoResult } from './output/fal-mock-result';
import { falImageResult, falVideoResult } from './output/fal-result';
import { falJobMethods } from './queue/fal-job-methods';
import { FalWebhookVerifier, type FalWebhookVerifierOptions } from './webhooks/fal-webhook-verifier';
import { parseFalWebhook } from './webhooks/parse-fal-webhook';

/** Options of {@link falProvider}: defaults for every config (each overridable in `providerConfig`), and webhook verification. */
export interface FalProviderOptions extends FalSettingsInput {
  /** How `plugin.webhooks.verify` checks deliveries (JWKS URL or keys, tolerance). */
  readonly webhooks?: FalWebhookVerifierOptions;
}

/**
 * The fal provider plugin: fal's queue API over `fetch` (submit once, SSE status stream with a
 * polling fallback, result, cancel), media inlined or uploaded to fal storage, typed and
 * validated mappings for the generated endpoints (a generic mapping for the others), billable
 * units as `cost`, and webhook verification.
 *
 * ```ts
 * registerProvider(falProvider());
 * await generateVideo({ provider: 'fal', model: 'fal-ai/veo3.1' }, { prompt: 'A calm lake at sunrise' });
 * ```
 *
 * @throws ValidationError when an option is invalid, naming it.
 */
export function falProvider(options: FalProviderOptions = {}): ProviderPlugin {
  const { webhooks, ...settings } = options;
  const defaults = parseFalSettings(settings, { model: '(falProvider options)', root: 'falProvider(options)' });
  const verifier = new FalWebhookVerifier(webhooks);
  return {
    name: 'fal',
    apiKeyEnvVars: ['FAL_KEY'],
    video: {
      prepare: (request: VideoGenerationRequest, context) => prepareFalRequest(request, context),
      jobs: falJobMethods(defaults, falVideoResult),
      mockResult: falMockVideoResult,
    },
    image: {
      prepare: (request: ImageGenerationRequest, context) => prepareFalRequest(request, context),
      jobs: falJobMethods(defaults, falImageResult),
      mockResult: falMockImageResult,
    },
    webhooks: {
      verify: (delivery, overrides) => verifier.verify(delivery, overrides as FalWebhookVerifierOptions | undefined),
      parse: (delivery) => parseFalWebhook(delivery),
    },
  };
}
