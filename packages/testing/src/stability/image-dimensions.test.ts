import { describe, expect, it } from 'vitest';
import { createPng } from '../common/media/png';
import { createSolidJpeg } from '../openai/solid-jpeg';
import { createSolidWebp } from '../openai/solid-webp';
import { readImageDimensions } from './image-dimensions';

describe('readImageDimensions', () => {
  it.each([
    ['png', createPng({ width: 640, height: 320 }), 640, 320],
    ['jpeg', createSolidJpeg(13, 7), 13, 7],
    ['webp', createSolidWebp(1344, 768), 1344, 768],
  ] as const)('reads the size of a %s', (format, bytes, width, height) => {
    expect(readImageDimensions(bytes)).toEqual({ format, width, height });
  });

  it('skips JPEG segments before the frame header', () => {
    const jpeg = createSolidJpeg(100, 50);
    const withComment = Uint8Array.from([0xff, 0xd8, 0xff, 0xfe, 0x00, 0x05, 0x61, 0x62, 0x63, ...jpeg.subarray(2)]);
    expect(readImageDimensions(withComment)).toEqual({ format: 'jpeg', width: 100, height: 50 });
  });

  it('reads VP8X extended WebP headers', () => {
    const header = Buffer.alloc(30);
    header.write('RIFF', 0, 'latin1');
    header.write('WEBPVP8X', 8, 'latin1');
    header.writeUIntLE(1023, 24, 3);
    header.writeUIntLE(575, 27, 3);
    expect(readImageDimensions(header)).toEqual({ format: 'webp', width: 1024, height: 576 });
  });

  it('refuses bytes of no known image format', () => {
    expect(readImageDimensions(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]))).toBeUndefined();
  });
});
