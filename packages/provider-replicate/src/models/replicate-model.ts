import type { FieldMappers, ImageGenerationRequest, VideoGenerationRequest } from '@tarash/core';

/** How sure we are of a model's input names and allowed values. */
export type MappingConfidence = 'high' | 'medium' | 'low';

interface ModelDefinitionBase {
  /** Exact Replicate model ids (`owner/name`) this mapping is for. */
  readonly ids: readonly string[];
  /** Where the input names and allowed values come from. */
  readonly source: string;
  /**
   * `high`: the model's published input schema; `medium`: field names from the schema, some
   * allowed values from third parties; `low`: inferred, validation kept lenient.
   */
  readonly confidence: MappingConfidence;
  /**
   * Version run when the id has none. Community models have no official endpoint and must be
   * run by version (`POST /v1/predictions`).
   */
  readonly defaultVersion?: string;
}

/** A video model's mapping from the standard request to its input names. */
export interface ReplicateVideoModel extends ModelDefinitionBase {
  readonly modality: 'video';
  readonly mappers: FieldMappers<VideoGenerationRequest>;
}

/** An image model's mapping from the standard request to its input names. */
export interface ReplicateImageModel extends ModelDefinitionBase {
  readonly modality: 'image';
  readonly mappers: FieldMappers<ImageGenerationRequest>;
}

/** Everything the provider knows about the inputs of one family of Replicate models. */
export type ReplicateModelDefinition = ReplicateVideoModel | ReplicateImageModel;
