/**
 * @tarash/provider-openai — OpenAI's Images API (gpt-image-*, dall-e-*) and its deprecated
 * Videos API (Sora 2), on OpenAI and on Azure OpenAI, for Tarash Gateway.
 */
import type { OpenAIModelParams } from './openai-model-params';

export { openaiProvider } from './openai-provider';
export { azureOpenaiProvider } from './azure-openai-provider';
export type { OpenAIProviderOptions } from './provider-options';
export type { VideoDelivery } from './videos/video-jobs';
export type { DallEParams, GptImageParams, OpenAIModelParams, SoraParams } from './openai-model-params';
export { OPENAI_IMAGE_MODELS, type ImageFamily, type ImageModelRules } from './images/image-models';
export { SORA_MODELS, type SoraModelRules } from './videos/video-models';
export { VIDEOS_API_SHUTDOWN_DATE } from './videos/videos-api-error';
export { DEFAULT_AZURE_API_VERSION, OPENAI_BASE_URL, type AzureApiStyle } from './transport/api-target';

declare module '@tarash/core' {
  interface ProviderModelRegistry {
    openai: OpenAIModelParams;
    azure: OpenAIModelParams;
  }
}
