import type { ImageGenerationResponse, VideoGenerationResponse } from '../types/generation-response';

/** Fields the orchestrator fills in itself; a provider never sets them. */
type OrchestratorFields = 'executionMetadata' | 'isMock' | 'status' | 'warnings';

/** What a provider returns for a finished video job; the orchestrator adds metadata and warnings. */
export type ProviderVideoResult = Omit<VideoGenerationResponse, OrchestratorFields> & {
  /** Notes about this result (merged after the mapping warnings). */
  readonly warnings?: readonly string[];
};

/** What a provider returns for a finished image job; the orchestrator adds metadata and warnings. */
export type ProviderImageResult = Omit<ImageGenerationResponse, OrchestratorFields> & {
  readonly warnings?: readonly string[];
};
