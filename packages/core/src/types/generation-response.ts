import * as z from 'zod/mini';
import { costReportSchema, type CostReport } from './cost-report';
import { executionMetadataSchema, type ExecutionMetadata } from './execution-metadata';
import { mediaOutputSchema, type MediaOutput } from './media-output';

/** Fields every generation response carries. */
export interface GenerationResponseBase {
  /** The provider's request / job id. */
  readonly requestId: string;
  /** Media type of the (first) output, e.g. `video/mp4`. */
  readonly contentType?: string;
  readonly status: 'completed';
  /** True when mock mode produced this response. */
  readonly isMock: boolean;
  /** The provider's final response body, as received. */
  readonly rawResponse: unknown;
  /** Parameters the model could not use, and other notes worth a look. */
  readonly warnings: readonly string[];
  /** Provider-reported billing figures, where the provider reports them. */
  readonly cost?: CostReport;
  /** The audit trail of the whole chain. */
  readonly executionMetadata: ExecutionMetadata;
}

/** A finished video generation. */
export interface VideoGenerationResponse extends GenerationResponseBase {
  /** The (first) video: a URL, or bytes when the provider returns bytes. */
  readonly video: MediaOutput;
  /** Every video, when more than one was generated. */
  readonly videos?: readonly MediaOutput[];
  readonly audioUrl?: string;
  /** Duration in seconds, where known. */
  readonly duration?: number;
  readonly resolution?: string;
  readonly aspectRatio?: string;
}

/** A finished image generation. */
export interface ImageGenerationResponse extends GenerationResponseBase {
  /** Every generated image, in provider order. */
  readonly images: readonly MediaOutput[];
  readonly width?: number;
  readonly height?: number;
}

const baseShape = {
  requestId: z.string().check(z.minLength(1)),
  contentType: z.optional(z.string()),
  status: z.literal('completed'),
  isMock: z.boolean(),
  rawResponse: z.unknown(),
  warnings: z.array(z.string()),
  cost: z.optional(costReportSchema),
  executionMetadata: executionMetadataSchema,
};

/** Zod schema for {@link VideoGenerationResponse}. */
export const videoGenerationResponseSchema = z.object({
  ...baseShape,
  video: mediaOutputSchema,
  videos: z.optional(z.array(mediaOutputSchema)),
  audioUrl: z.optional(z.string()),
  duration: z.optional(z.number().check(z.nonnegative())),
  resolution: z.optional(z.string()),
  aspectRatio: z.optional(z.string()),
}) satisfies z.ZodMiniType<VideoGenerationResponse>;

/** Zod schema for {@link ImageGenerationResponse}. */
export const imageGenerationResponseSchema = z.object({
  ...baseShape,
  images: z.array(mediaOutputSchema).check(z.minLength(1)),
  width: z.optional(z.number().check(z.int(), z.positive())),
  height: z.optional(z.number().check(z.int(), z.positive())),
}) satisfies z.ZodMiniType<ImageGenerationResponse>;
