export { OpenAIFakeServer, startOpenAIServer, openaiRateLimitFault, FAKE_OPENAI_KEY, FAKE_AZURE_OPENAI_KEY } from './openai-server';
export type { OpenAIServerOptions, VideosApiState, FakeVideoInfo, ContractViolation } from './openai-server';
export { OPENAI_PHASES } from './openai-phases';
export type { OpenAIPhase } from './openai-phases';
export { openaiErrorBody, IMAGE_MODERATION_MESSAGE, VIDEO_MODERATION_MESSAGE } from './openai-errors';
export type { OpenAIErrorFields } from './openai-errors';
export type { VideoResource, VideoRequest } from './fake-video';
export { createSolidJpeg } from './solid-jpeg';
export { createSolidWebp } from './solid-webp';
