export type { JsonObject, JsonValue } from './json-value';
export { mediaInputSchema, type MediaBytes, type MediaInput } from './media-input';
export { IMAGE_ROLES, imageInputSchema, type ImageInput, type ImageRole } from './image-role';
export { aspectRatioSchema, videoGenerationRequestSchema, type VideoGenerationRequest } from './video-generation-request';
export { imageGenerationRequestSchema, type ImageGenerationRequest } from './image-generation-request';
export { MOCK_ERROR_TYPES, mockConfigSchema, type MockConfig, type MockErrorSpec, type MockResponseSpec } from './mock-config';
export {
  generationConfigSchema,
  type BackoffConfig,
  type FetchFunction,
  type GenerationConfig,
  type ImageGenerationConfig,
  type VideoGenerationConfig,
} from './generation-config';
export { mediaOutputSchema, type MediaOutput } from './media-output';
export { costReportSchema, type CostReport } from './cost-report';
export {
  attemptMetadataSchema,
  executionMetadataSchema,
  type AttemptMetadata,
  type AttemptStatus,
  type ExecutionMetadata,
} from './execution-metadata';
export {
  imageGenerationResponseSchema,
  videoGenerationResponseSchema,
  type GenerationResponseBase,
  type ImageGenerationResponse,
  type VideoGenerationResponse,
} from './generation-response';
export { progressUpdateSchema, type ProgressStatus, type ProgressUpdate } from './progress-update';
export { jobHandleSchema, type JobHandle, type Modality } from './job-handle';
export type { ExtraParamsFor, KnownModelId, ModelId, ProviderModelRegistry, UntypedExtraParams } from './provider-model-registry';
