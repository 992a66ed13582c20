import { z } from 'zod';
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
  prompt: z.string().min(1, 'must be a non-empty string'),
  negativePrompt: z.string().optional(),
  size: z
    .string()
    .regex(/^[1-9]\d*x[1-9]\d*$/, 'must look like "1024x768" (width x height in pixels)')
    .optional(),
  aspectRatio: aspectRatioSchema.optional(),
  quality: z.string().min(1).optional(),
  style: z.string().min(1).optional(),
  n: z.number().int('must be an integer').min(1, 'must be >= 1').optional(),
  imageList: z.array(imageInputSchema).optional(),
  maskImage: mediaInputSchema.optional(),
  seed: z.number().int('must be an integer').nonnegative('must be >= 0').optional(),
  extraParams: z.record(z.string(), z.unknown()).optional(),
}) satisfies z.ZodType<ImageGenerationRequest>;
