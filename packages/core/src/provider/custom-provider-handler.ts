import type { GenerationConfig } from '../types/generation-config';
import type { ImageGenerationRequest } from '../types/image-generation-request';
import type { VideoGenerationRequest } from '../types/video-generation-request';
import type { JobStatusSnapshot } from './job-status-snapshot';
import type { ProviderImageResult, ProviderVideoResult } from './provider-result';

/** Progress a custom handler may report. */
export type CustomProgress = Omit<JobStatusSnapshot, 'result' | 'error' | 'rawResponse'>;

/**
 * The simplest provider: one function per modality, registered with
 * `registerProvider(name, handler)`. It takes part in fallback chains, progress and execution
 * metadata like a built-in provider. Throw `TarashError` subclasses to control retries; any
 * other error counts as a retryable `GenerationFailedError` that may already have been billed,
 * so the orchestrator moves to the next config instead of calling this handler again.
 */
export interface CustomProviderHandler {
  generateVideo?(
    config: GenerationConfig,
    request: VideoGenerationRequest,
    onProgress?: (progress: CustomProgress) => void | Promise<void>,
  ): Promise<ProviderVideoResult>;
  generateImage?(
    config: GenerationConfig,
    request: ImageGenerationRequest,
    onProgress?: (progress: CustomProgress) => void | Promise<void>,
  ): Promise<ProviderImageResult>;
}
