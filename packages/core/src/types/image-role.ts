import * as z from 'zod/mini';
import { mediaInputSchema, type MediaInput } from './media-input';

/** The roles an input image can play. */
export const IMAGE_ROLES = ['reference', 'first_frame', 'last_frame', 'asset', 'style'] as const;

/** What an input image is for: a first or last frame, a reference, an asset or a style image. */
export type ImageRole = (typeof IMAGE_ROLES)[number];

/** An input image and its role. Each image is sent to exactly one provider field. */
export interface ImageInput {
  readonly image: MediaInput;
  readonly type: ImageRole;
}

/** Zod schema for {@link ImageInput}. */
export const imageInputSchema: z.ZodMiniType<ImageInput> = z.object({
  image: mediaInputSchema,
  type: z.enum(IMAGE_ROLES),
});
