import * as z from 'zod/mini';

/** Generated media: a URL, or the bytes themselves when the provider returns bytes. */
export type MediaOutput = string | { readonly data: Uint8Array; readonly mediaType: string };

/** Zod schema for {@link MediaOutput}. */
export const mediaOutputSchema = z.union([
  z.string().check(z.minLength(1)),
  z.object({ data: z.instanceof(Uint8Array), mediaType: z.string().check(z.minLength(1)) }),
]) satisfies z.ZodMiniType<MediaOutput>;
