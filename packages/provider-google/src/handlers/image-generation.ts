import { resolvePendingMedia, type CallContext, type PreparedRequest, type ProviderImageResult } from '@tarash/core';
import { modelMethodUrl } from '../config/google-endpoints';
import { geminiImageResult } from '../results/gemini-image-result';
import { imagenResult } from '../results/imagen-result';
import { callGoogle } from '../transport/google-call';
import { toGeminiPart } from '../transport/input-media';
import type { SettingsSource } from './google-settings-source';

/**
 * Image generation in one call: Imagen `:predict` or Gemini `:generateContent`, as the
 * prepared route says (wire.md §4.3, §4.4). Input images are inlined first.
 */
export function generateImage(settingsOf: SettingsSource) {
  return async (prepared: PreparedRequest, context: CallContext): Promise<ProviderImageResult> => {
    const settings = settingsOf(context.providerConfig, context);
    const target = { provider: context.provider, model: context.model };
    const requestId = globalThis.crypto.randomUUID();
    if (prepared.route?.family === 'imagen') {
      const url = modelMethodUrl(settings, context.baseUrl, context.model, 'predict');
      return imagenResult(await callGoogle(context, settings, { method: 'POST', url, json: prepared.body, phase: 'generate' }), target, requestId);
    }
    const body = await resolvePendingMedia(prepared.body, (media) => toGeminiPart(media, context));
    const url = modelMethodUrl(settings, context.baseUrl, context.model, 'generateContent');
    return geminiImageResult(await callGoogle(context, settings, { method: 'POST', url, json: body, phase: 'generate' }), target, requestId);
  };
}
