import type * as z from 'zod/mini';
import { mockImageResult, mockVideoResult } from '../mock/mock-results';
import type { ProviderModalityHandler, ProviderPlugin } from '../provider/provider-plugin';
import type { ProviderImageResult, ProviderVideoResult } from '../provider/provider-result';
import type { ImageGenerationRequest } from '../types/image-generation-request';
import { imageGenerationRequestSchema } from '../types/image-generation-request';
import type { ImageGenerationResponse, VideoGenerationResponse } from '../types/generation-response';
import type { JobHandle, Modality } from '../types/job-handle';
import type { JsonObject } from '../types/json-value';
import type { VideoGenerationRequest } from '../types/video-generation-request';
import { videoGenerationRequestSchema } from '../types/video-generation-request';

/** What differs between video and image generation; the orchestrator is written once for both. */
export interface ModalitySpec<TRequest, TResult, TResponse> {
  readonly modality: Modality;
  readonly requestSchema: z.core.$ZodType<TRequest>;
  readonly defaultTimeoutMs: number;
  readonly defaultPollIntervalMs: number;
  handlerOf(plugin: ProviderPlugin): ProviderModalityHandler<TRequest, TResult> | undefined;
  buildMockResult(requestId: string, summary: JsonObject, rawResponse: unknown): TResult;
  /** Brand for the response type (never read). */
  readonly response?: TResponse;
}

/** Video generation. */
export const VIDEO: ModalitySpec<VideoGenerationRequest, ProviderVideoResult, VideoGenerationResponse> = {
  modality: 'video',
  requestSchema: videoGenerationRequestSchema,
  defaultTimeoutMs: 600_000,
  defaultPollIntervalMs: 2_000,
  handlerOf: (plugin) => plugin.video,
  buildMockResult: mockVideoResult,
};

/** Image generation. */
export const IMAGE: ModalitySpec<ImageGenerationRequest, ProviderImageResult, ImageGenerationResponse> = {
  modality: 'image',
  requestSchema: imageGenerationRequestSchema,
  defaultTimeoutMs: 120_000,
  defaultPollIntervalMs: 1_000,
  handlerOf: (plugin) => plugin.image,
  buildMockResult: mockImageResult,
};

/** The spec of a handle's modality. */
export function specOf(handle: JobHandle): ModalitySpec<unknown, unknown, unknown> {
  return (handle.modality === 'video' ? VIDEO : IMAGE) as unknown as ModalitySpec<unknown, unknown, unknown>;
}
