import type { FieldMappers, ImageGenerationRequest, VideoGenerationRequest } from '@tarash/core';
import type * as z from 'zod/mini';

/**
 * Where a fal endpoint's output keeps its media, read from the endpoint's output schema.
 * Each entry names a top-level output field.
 */
export interface FalOutputSpec {
  /** Fields holding one video `File` (e.g. `video`). */
  readonly video?: readonly string[];
  /** Fields holding a list of video `File`s (e.g. `videos`). */
  readonly videoList?: readonly string[];
  /** Fields holding one image `File` (e.g. wan text-to-image `image`). */
  readonly image?: readonly string[];
  /** Fields holding a list of image `File`s (e.g. `images`). */
  readonly imageList?: readonly string[];
  /** Fields holding one audio `File`. */
  readonly audio?: readonly string[];
}

/**
 * Everything the fal provider knows about one endpoint, generated from its OpenAPI schema by
 * `pnpm codegen` (see `src/models/generated/`). The runtime routes by exact endpoint id.
 */
export interface FalModelDefinition {
  /** Full endpoint id, e.g. `fal-ai/veo3.1/fast/image-to-video`. */
  readonly endpointId: string;
  readonly modality: 'video' | 'image';
  /** Mapping from the standard request to the endpoint's input fields. */
  readonly mappers: FieldMappers<VideoGenerationRequest> | FieldMappers<ImageGenerationRequest>;
  /**
   * The endpoint's input schema (enums, ranges, required fields), built on first use so that
   * importing the package stays cheap. Validates the final body, after `extraParams`.
   */
  readonly inputSchema: () => z.core.$ZodType;
  readonly output: FalOutputSpec;
  /** sha256 of the source OpenAPI document. */
  readonly schemaSha256: string;
}
