import { createMp4 } from '../common/media/mp4';
import { createPng } from '../common/media/png';
// The OpenAI fake's solid-colour encoders serve here too (they belong in common/media).
import { createSolidJpeg } from '../openai/solid-jpeg';
import { createSolidWebp } from '../openai/solid-webp';

/** The `output_format` values of the generate endpoints. */
export const STABILITY_OUTPUT_FORMATS = ['png', 'jpeg', 'webp'] as const;

/** One of {@link STABILITY_OUTPUT_FORMATS}. */
export type StabilityOutputFormat = (typeof STABILITY_OUTPUT_FORMATS)[number];

/**
 * Pixel sizes served per `aspect_ratio`: the usual one-megapixel buckets of Stability's models
 * [C: the real sizes vary by model and are not documented in the stored contract].
 */
export const STABILITY_ASPECT_RATIO_SIZES: Readonly<Record<string, readonly [number, number]>> = {
  '21:9': [1536, 640],
  '16:9': [1344, 768],
  '3:2': [1216, 832],
  '5:4': [1088, 896],
  '1:1': [1024, 1024],
  '4:5': [896, 1088],
  '2:3': [832, 1216],
  '9:16': [768, 1344],
  '9:21': [640, 1536],
};

/** Bytes served as a result, with their media type. */
export interface StabilityServedMedia {
  readonly bytes: Uint8Array;
  readonly contentType: string;
}

const MAX_CACHED = 32;

function encodeImage(format: StabilityOutputFormat, width: number, height: number): StabilityServedMedia {
  switch (format) {
    case 'png':
      return { bytes: createPng({ width, height }), contentType: 'image/png' };
    case 'jpeg':
      return { bytes: createSolidJpeg(width, height), contentType: 'image/jpeg' };
    case 'webp':
      return { bytes: createSolidWebp(width, height), contentType: 'image/webp' };
  }
}

/** An MP4 at 1/8 of the input size (rounded up to whole macroblocks), two seconds at 6 fps, to keep tests fast. */
function encodeVideo(width: number, height: number): StabilityServedMedia {
  const scaled = (side: number) => Math.max(16, Math.ceil(side / 8 / 16) * 16);
  return { bytes: createMp4({ durationSeconds: 2, fps: 6, width: scaled(width), height: scaled(height) }).bytes, contentType: 'video/mp4' };
}

/**
 * The images and videos a fake Stability server returns: real PNG, JPEG, WebP and H.264 MP4
 * files, built once per format and size and kept in a small cache.
 */
export class StabilityMediaCache {
  readonly #entries = new Map<string, StabilityServedMedia>();

  /** A generated image of `format` at `width` x `height`. */
  image(format: StabilityOutputFormat, width: number, height: number): StabilityServedMedia {
    return this.#get(`${format}:${width}x${height}`, () => encodeImage(format, width, height));
  }

  /** The video generated from a first frame of `width` x `height`. */
  video(width: number, height: number): StabilityServedMedia {
    return this.#get(`mp4:${width}x${height}`, () => encodeVideo(width, height));
  }

  #get(key: string, build: () => StabilityServedMedia): StabilityServedMedia {
    let media = this.#entries.get(key);
    if (!media) {
      // Few sizes recur (the aspect-ratio buckets); a full cache simply starts over.
      if (this.#entries.size >= MAX_CACHED) this.#entries.clear();
      media = build();
      this.#entries.set(key, media);
    }
    return media;
  }
}
