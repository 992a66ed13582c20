import * as z from 'zod/mini';
import type { UntypedExtraParams } from './provider-model-registry';
import { imageInputSchema, type ImageInput } from './image-role';
import { mediaInputSchema, type MediaInput } from './media-input';
import { aspectRatioSchema } from './video-generation-request';

/** What a caller wants generated as images, in one provider-independent shape. */
export interface ImageGenerationRequest<TExtraParams = UntypedExtraParams> {
  /** Text description of the image. */
  readonly prompt: string;
  /** What the image should not contain. */
  readonly negativePrompt?: string;
  /** Exact size as `"WxH"`, e.g. `"1024x768"`. */
  readonly size?: string;
  /** Aspect ratio such as `1:1` or `16:9`. */
  readonly aspectRatio?: string;
  /** Provider quality level such as `high`, `standard` or `hd`. */
  readonly quality?: string;
  /** Provider style such as `vivid` or a style preset name. */
  readonly style?: string;
  /** How many images to generate. */
  readonly n?: number;
  /** Input images with their role (edits, references, style). */
  readonly imageList?: readonly ImageInput[];
  /** Mask for inpainting edits. */
  readonly maskImage?: MediaInput;
  /** Random seed for reproducible output. */
  readonly seed?: number;
  /** Provider fields forwarded unchanged, typed per model where codegen knows the model. */
  readonly extraParams?: TExtraParams;
}

/** Zod schema for {@link ImageGenerationRequest}. */
export const imageGenerationRequestSchema = z.strictObject({
  prompt: z.string().check(z.minLength(1, 'must be a non-empty string')),
  negativePrompt: z.optional(z.string()),
  size: z.optional(z.string().check(z.regex(/^[1-9]\d*x[1-9]\d*$/, 'must look like "1024x768" (width x height in pixels)'))),
  aspectRatio: z.optional(aspectRatioSchema),
  quality: z.optional(z.string().check(z.minLength(1))),
  style: z.optional(z.string().check(z.minLength(1))),
  n: z.optional(z.number().check(z.int('must be an integer'), z.gte(1, 'must be >= 1'))),
  imageList: z.optional(z.array(imageInputSchema)),
  maskImage: z.optional(mediaInputSchema),
  seed: z.optional(z.number().check(z.int('must be an integer'), z.nonnegative('must be >= 0'))),
  extraParams: z.optional(z.record(z.string(), z.unknown())),
}) satisfies z.ZodMiniType<ImageGenerationRequest>;
