import type { ProviderPlugin } from '@tarash/core';
import { openaiPlugin } from './openai-plugin';
import type { OpenAIProviderOptions } from './provider-options';
import { openaiFlavor } from './transport/api-target';

/**
 * The OpenAI provider (`provider: 'openai'`): the Images API (`gpt-image-*`, `dall-e-3`,
 * `dall-e-2`; generations and edits) and the Videos API (Sora 2, deprecated). Talks to
 * `https://api.openai.com/v1` (or `config.baseUrl`) with `Authorization: Bearer` from
 * `config.apiKey` or `OPENAI_API_KEY`; `providerConfig.organization` / `providerConfig.project`
 * become the `OpenAI-Organization` / `OpenAI-Project` headers.
 *
 * @example
 * ```ts
 * registerProvider(openaiProvider());
 * const { images } = await generateImage({ provider: 'openai', model: 'gpt-image-1' }, { prompt: 'a lake', aspectRatio: '3:2' });
 * ```
 *
 * **Video is deprecated:** OpenAI shuts Sora 2 and the Videos API down on 2026-09-24; after
 * that, video calls fail with a non-retryable error saying so. Images are unaffected (the
 * video-only exports — `SORA_MODELS`, `SoraParams`, `VideoDelivery` — carry `@deprecated`).
 */
export function openaiProvider(options: OpenAIProviderOptions = {}): ProviderPlugin {
  return openaiPlugin(openaiFlavor, options);
}
