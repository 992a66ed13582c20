import * as z from 'zod/mini';
import type { UntypedExtraParams } from './provider-model-registry';
import { imageInputSchema, type ImageInput } from './image-role';
import { mediaInputSchema, type MediaInput } from './media-input';

/** An aspect ratio such as `16:9`, or `auto` where a model picks it from an input image. */
export const aspectRatioSchema = z.string().check(z.regex(/^(\d+(\.\d+)?:\d+(\.\d+)?|auto)$/, 'must look like "16:9" (or "auto")'));

/**
 * What a caller wants generated, in one provider-independent shape. Every field except
 * `prompt` is optional; a field the chosen model cannot use becomes a warning (or an error
 * with `strict: true`), a value it cannot accept is a `ValidationError` before anything is sent.
 */
export interface VideoGenerationRequest<TExtraParams = UntypedExtraParams> {
  /** Text description of the video. */
  readonly prompt: string;
  /** Length in seconds; converted to the model's own format (`"8s"`, `"8"` or `8`). */
  readonly durationSeconds?: number;
  /** Output resolution such as `720p`, `1080p` or `4k`. */
  readonly resolution?: string;
  /** Aspect ratio such as `16:9` or `9:16`. */
  readonly aspectRatio?: string;
  /** Generate a soundtrack where the model can. */
  readonly generateAudio?: boolean;
  /** Input images with their role (first frame, last frame, reference…). */
  readonly imageList?: readonly ImageInput[];
  /** Input video (video-to-video, extension, remix). */
  readonly video?: MediaInput;
  /** Input audio (lip-sync, soundtrack). */
  readonly audio?: MediaInput;
  /** Random seed for reproducible output. */
  readonly seed?: number;
  /** How many videos to generate. */
  readonly numberOfVideos?: number;
  /** What the video should not contain. */
  readonly negativePrompt?: string;
  /** Let the provider rewrite the prompt. */
  readonly enhancePrompt?: boolean;
  /** Provider fields forwarded unchanged, typed per model where codegen knows the model. */
  readonly extraParams?: TExtraParams;
}

/** Zod schema for {@link VideoGenerationRequest}. */
export const videoGenerationRequestSchema = z.strictObject({
  prompt: z.string().check(z.minLength(1, 'must be a non-empty string')),
  // zod's number() already rejects Infinity (classic zod's .finite() is a no-op).
  durationSeconds: z.optional(z.number().check(z.positive('must be a positive number of seconds'))),
  resolution: z.optional(z.string().check(z.minLength(1))),
  aspectRatio: z.optional(aspectRatioSchema),
  generateAudio: z.optional(z.boolean()),
  imageList: z.optional(z.array(imageInputSchema)),
  video: z.optional(mediaInputSchema),
  audio: z.optional(mediaInputSchema),
  seed: z.optional(z.number().check(z.int('must be an integer'), z.nonnegative('must be >= 0'))),
  numberOfVideos: z.optional(z.number().check(z.int('must be an integer'), z.gte(1, 'must be >= 1'))),
  negativePrompt: z.optional(z.string()),
  enhancePrompt: z.optional(z.boolean()),
  extraParams: z.optional(z.record(z.string(), z.unknown())),
}) satisfies z.ZodMiniType<VideoGenerationRequest>;
