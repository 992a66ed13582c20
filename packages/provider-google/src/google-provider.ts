import type { ProviderPlugin } from '@tarash/core';
import { resolveGoogleSettings, usesVertexAi, type GoogleProviderConfig } from './config/google-provider-config';
import type { SettingsSource } from './handlers/google-settings-source';
import { generateImage } from './handlers/image-generation';
import { veoJobs } from './handlers/veo-jobs';
import { prepareGeminiImageRequest } from './mapping/gemini-image-request';
import { prepareImagenRequest } from './mapping/imagen-request';
import { prepareVeoRequest } from './mapping/veo-request';
import { resolveGoogleModel } from './models/google-model-catalog';

/**
 * The Google provider plugin: Veo videos, Imagen and Gemini native images, on the Gemini API
 * (API key from `config.apiKey`, `GEMINI_API_KEY` or `GOOGLE_API_KEY`) or on Vertex AI (set
 * `providerConfig.project` and an access token). Talks HTTP with `fetch`; no Google SDK.
 *
 * ```ts
 * registerProvider(googleProvider());
 * await generateVideo({ provider: 'google', model: 'veo-3.1-generate-preview' }, { prompt: 'A calm lake', durationSeconds: 8 });
 * ```
 *
 * @param defaults settings for every config, under each config's own `providerConfig`
 *   (e.g. `googleProvider({ project: 'my-project', getAccessToken })` for Vertex AI everywhere).
 */
export function googleProvider(defaults: GoogleProviderConfig = {}): ProviderPlugin {
  const merged = (providerConfig: Readonly<Record<string, unknown>> | undefined) => ({ ...defaults, ...providerConfig });
  const settingsOf: SettingsSource = (providerConfig, target) => resolveGoogleSettings(merged(providerConfig), target);
  return {
    name: 'google',
    apiKeyEnvVars: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'],
    authOptional: (config) => usesVertexAi(merged(config.providerConfig)),
    video: {
      prepare(request, context) {
        const settings = settingsOf(context.providerConfig, context);
        return prepareVeoRequest(request, context, resolveGoogleModel(context.model, 'video', context.provider), settings);
      },
      jobs: veoJobs(settingsOf),
    },
    image: {
      prepare(request, context) {
        const settings = settingsOf(context.providerConfig, context);
        const capabilities = resolveGoogleModel(context.model, 'image', context.provider);
        return capabilities.kind === 'imagen'
          ? prepareImagenRequest(request, context, capabilities, settings)
          : prepareGeminiImageRequest(request, context, capabilities, settings);
      },
      generate: generateImage(settingsOf),
    },
  };
}
