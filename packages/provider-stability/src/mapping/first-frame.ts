import { base64ToBytes, parseDataUri, readImageDimensions, type MediaInput, type ValidationIssue } from '@tarash/core';
import { STABILITY_VIDEO_FRAME_SIZES } from '../models/stability-values';

/**
 * The bytes of a media input when they can be read synchronously (bytes, data URIs, base64
 * `{data}`); undefined for URLs and Blobs, which are read when the job starts.
 */
export function bytesNow(input: MediaInput): Uint8Array | undefined {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (typeof input === 'string') return input.startsWith('data:') ? parseDataUri(input).bytes : undefined;
  // A Blob (alone or as `{data}`) can only be read asynchronously.
  if (!('data' in input)) return undefined;
  const { data } = input;
  if (typeof data === 'string') return base64ToBytes(data);
  if (data instanceof Uint8Array) return data;
  return data instanceof ArrayBuffer ? new Uint8Array(data) : undefined;
}

/** The checked first frame: its size, or the issue that makes it unusable. */
export type FirstFrameCheck = { readonly width: number; readonly height: number } | { readonly issue: ValidationIssue };

/** Checks that image-to-video can take a first frame: PNG or JPEG of 1024x576, 576x1024 or 768x768. */
export function checkFirstFrame(bytes: Uint8Array, source: string): FirstFrameCheck {
  const header = readImageDimensions(bytes);
  if (!header) return { issue: { field: source, value: bytes, message: 'must be a PNG or JPEG image', allowed: ['image/png', 'image/jpeg'] } };
  const size = `${header.width}x${header.height}`;
  if (!(STABILITY_VIDEO_FRAME_SIZES as readonly string[]).includes(size)) {
    return { issue: { field: source, value: size, message: 'is not a first-frame size image-to-video accepts', allowed: STABILITY_VIDEO_FRAME_SIZES } };
  }
  return { width: header.width, height: header.height };
}
