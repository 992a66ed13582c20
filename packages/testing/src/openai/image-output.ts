import { randomUUID } from 'node:crypto';
import { SampleMediaCache } from '../common/media/sample-media';
import type { ImageFamily, ImageParams } from './image-rules';
import { createSolidJpeg } from './solid-jpeg';
import { createSolidWebp } from './solid-webp';

/** An image the fake made, with its media type. */
export interface FakeImage {
  readonly bytes: Uint8Array;
  readonly contentType: string;
  readonly extension: string;
}

/** One `data[]` entry of an ImagesResponse. */
export type ImageDatum = { readonly b64_json: string; readonly revised_prompt?: string } | { readonly url: string; readonly revised_prompt?: string };

/** Output tokens per image by quality for a square 1024 image, from OpenAI's pricing table [C]. */
const OUTPUT_TOKENS: Readonly<Record<string, number>> = { low: 272, medium: 1056, high: 4160 };
/** Input tokens an input image costs in an edit [C: the real count depends on its size]. */
const TOKENS_PER_INPUT_IMAGE = 323;

const MEDIA_TYPES: Readonly<Record<string, string>> = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' };

/** Width and height of a requested size (`auto` → 1024×1024). */
export function imageDimensions(size: string | undefined): { readonly width: number; readonly height: number } {
  const match = /^(\d+)x(\d+)$/.exec(size ?? '');
  return match ? { width: Number(match[1]), height: Number(match[2]) } : { width: 1024, height: 1024 };
}

/**
 * Builds what the Images API returns: gpt-image models always `b64_json` in `output_format`
 * with `usage`; dall-e models a `url` on the fake's origin (or `b64_json` on request), with
 * `revised_prompt` for dall-e-3.
 */
export class ImageOutputBuilder {
  readonly #pngs = new SampleMediaCache();
  /** Images served by URL (dall-e `url` results), by file name. */
  readonly served = new Map<string, FakeImage>();

  /** Encodes one image of `size` in `format` (png, jpeg or webp). */
  image(size: string | undefined, format: string): FakeImage {
    const { width, height } = imageDimensions(size);
    if (format === 'jpeg') return { bytes: createSolidJpeg(width, height), contentType: MEDIA_TYPES.jpeg as string, extension: 'jpeg' };
    if (format === 'webp') return { bytes: createSolidWebp(width, height), contentType: MEDIA_TYPES.webp as string, extension: 'webp' };
    return { bytes: this.#pngs.get({ kind: 'image', width, height }).bytes, contentType: 'image/png', extension: 'png' };
  }

  /** The ImagesResponse body for a request; `mediaBase` is where `url` results are served (`<origin>/v1`). */
  build(params: ImageParams, family: ImageFamily, prompt: string, inputImages: number, mediaBase: string): Record<string, unknown> {
    const created = Math.floor(Date.now() / 1000);
    if (family === 'gpt-image') {
      const format = params.outputFormat ?? 'png';
      const image = this.image(params.size, format);
      const encoded = Buffer.from(image.bytes).toString('base64');
      const quality = params.quality === undefined || params.quality === 'auto' ? 'medium' : params.quality;
      const { width, height } = imageDimensions(params.size);
      const outputTokens = Math.round(((OUTPUT_TOKENS[quality] ?? 1056) * width * height) / (1024 * 1024)) * params.n;
      const textTokens = Math.max(1, Math.ceil(prompt.length / 4));
      const imageTokens = inputImages * TOKENS_PER_INPUT_IMAGE;
      return {
        created,
        data: Array.from({ length: params.n }, () => ({ b64_json: encoded })),
        background: params.background === 'transparent' ? 'transparent' : 'opaque',
        output_format: format,
        size: `${width}x${height}`,
        quality,
        usage: {
          input_tokens: textTokens + imageTokens,
          output_tokens: outputTokens,
          total_tokens: textTokens + imageTokens + outputTokens,
          input_tokens_details: { text_tokens: textTokens, image_tokens: imageTokens },
        },
      };
    }
    const revised = family === 'dall-e-3' ? { revised_prompt: `A detailed rendering of: ${prompt}` } : {};
    const data: ImageDatum[] = Array.from({ length: params.n }, () => {
      const image = this.image(params.size, 'png');
      if (params.responseFormat === 'b64_json') return { b64_json: Buffer.from(image.bytes).toString('base64'), ...revised };
      const name = `img-${randomUUID()}.png`;
      this.served.set(name, image);
      return { url: `${mediaBase}/fake-media/images/${name}`, ...revised };
    });
    return { created, data };
  }
}
