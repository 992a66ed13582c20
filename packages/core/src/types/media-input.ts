import * as z from 'zod/mini';

/** Bytes with their media type, e.g. `{ data: pngBytes, mediaType: 'image/png' }`. */
export interface MediaBytes {
  /** The raw bytes (or a Blob, or base64 text without the `data:` prefix). */
  readonly data: Uint8Array | ArrayBuffer | Blob | string;
  /** IANA media type such as `image/png` or `video/mp4`. */
  readonly mediaType: string;
}

/**
 * Any image, video or audio input: an `http(s)` URL, a `data:` URI, raw bytes, a Blob, or
 * `{ data, mediaType }`. Each provider package converts it to what its API takes (a URL, an
 * upload, inline base64 or a multipart file part).
 */
export type MediaInput = string | Uint8Array | ArrayBuffer | Blob | MediaBytes;

const isBlob = (value: unknown): value is Blob => typeof Blob !== 'undefined' && value instanceof Blob;

const mediaString = z.string().check(
  z.refine((s) => /^(https?:\/\/|data:|gs:\/\/)/i.test(s), {
    message: 'must be an http(s) URL, a gs:// URI or a data: URI',
  }),
);

const mediaBytes = z.object({
  data: z.union([
    z.instanceof(Uint8Array),
    z.instanceof(ArrayBuffer),
    z.custom<Blob>(isBlob, { message: 'must be a Blob' }),
    z.string().check(z.minLength(1)),
  ]),
  mediaType: z.string().check(z.regex(/^[\w.+-]+\/[\w.+-]+$/, 'must be a media type such as image/png')),
});

/** Zod schema for {@link MediaInput}. */
export const mediaInputSchema: z.ZodMiniType<MediaInput> = z.union([
  mediaString,
  z.instanceof(Uint8Array),
  z.instanceof(ArrayBuffer),
  z.custom<Blob>(isBlob, { message: 'must be a Blob' }),
  mediaBytes,
]);
