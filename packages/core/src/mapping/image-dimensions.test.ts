import { describe, expect, it } from 'vitest';
import { readImageDimensions } from './image-dimensions';

function png(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  const view = new DataView(bytes.buffer);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  view.setUint32(8, 13);
  bytes.set([0x49, 0x48, 0x44, 0x52], 12);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return bytes;
}

/** SOI, an APP0 segment to skip, then a SOF2 (progressive) frame header. */
function jpeg(width: number, height: number): Uint8Array {
  return new Uint8Array([
    0xff, 0xd8,
    0xff, 0xe0, 0x00, 0x06, 0x4a, 0x46, 0x49, 0x46,
    0xff, 0xc2, 0x00, 0x0b, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x01, 0x01, 0x11, 0x00,
  ]);
}

describe('readImageDimensions', () => {
  it('reads PNG and JPEG sizes', () => {
    expect(readImageDimensions(png(1024, 576))).toEqual({ mediaType: 'image/png', width: 1024, height: 576 });
    expect(readImageDimensions(jpeg(768, 1344))).toEqual({ mediaType: 'image/jpeg', width: 768, height: 1344 });
  });

  it('returns undefined for other or truncated data', () => {
    expect(readImageDimensions(new Uint8Array([1, 2, 3]))).toBeUndefined();
    expect(readImageDimensions(jpeg(10, 10).subarray(0, 12))).toBeUndefined();
  });
});
