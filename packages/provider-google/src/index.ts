/**
 * @tarash/provider-google — Veo (video), Imagen and Gemini native image generation for Tarash
 * Gateway, on the Gemini API and on Vertex AI, over `fetch`.
 */
import type { GoogleModelParams } from './models/google-model-params';

export { googleProvider } from './google-provider';
export type { GoogleProviderConfig } from './config/google-provider-config';
export type { GeminiImageExtraParams, GoogleModelParams, ImagenExtraParams, PersonGeneration, VeoExtraParams } from './models/google-model-params';
export { VEO_CANCEL_UNSUPPORTED } from './handlers/veo-jobs';

declare module '@tarash/core' {
  interface ProviderModelRegistry {
    google: GoogleModelParams;
  }
}
