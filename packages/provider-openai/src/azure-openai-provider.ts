import type { ProviderPlugin } from '@tarash/core';
import { openaiPlugin } from './openai-plugin';
import type { OpenAIProviderOptions } from './provider-options';
import { azureFlavor } from './transport/api-target';

/**
 * The Azure OpenAI provider (`provider: 'azure'`): the same models and request mapping as
 * {@link openaiProvider}, on an Azure OpenAI resource with the `api-key` header (`config.apiKey`
 * or `AZURE_OPENAI_API_KEY`). `providerConfig`:
 * - `endpoint` (required unless `config.baseUrl` is set): `https://<resource>.openai.azure.com`;
 * - `deployment`: the deployment name (default: `config.model`);
 * - `apiVersion`: the `api-version` query of deployment routes (default `2025-04-01-preview`);
 * - `apiStyle`: `'deployments'` (default: `/openai/deployments/{deployment}/images/…`) or `'v1'`
 *   (`/openai/v1/images/…`, the deployment as `model`). Sora 2 always uses the v1 API.
 *
 * `config.model` names the OpenAI model behind the deployment (`gpt-image-1`, `sora-2`…): it
 * decides the validation rules.
 *
 * **Video is deprecated:** Sora 2 and the Videos API shut down on 2026-09-24.
 */
export function azureOpenaiProvider(options: OpenAIProviderOptions = {}): ProviderPlugin {
  return openaiPlugin(azureFlavor, options);
}
