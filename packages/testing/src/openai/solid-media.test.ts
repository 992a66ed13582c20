import { describe, expect, it } from 'vitest';
import { createSolidJpeg } from './solid-jpeg';
import { createSolidWebp } from './solid-webp';

describe('solid-colour encoders', () => {
  it('writes a lossless WebP whose header carries the size', () => {
    const webp = createSolidWebp(1280, 720);
    const view = new DataView(webp.buffer, webp.byteOffset);
    expect(Buffer.from(webp.subarray(0, 4)).toString('latin1')).toBe('RIFF');
    expect(view.getUint32(4, true)).toBe(webp.byteLength - 8);
    expect(Buffer.from(webp.subarray(8, 16)).toString('latin1')).toBe('WEBPVP8L');
    expect(webp[20]).toBe(0x2f);
    const bits = view.getUint32(21, true);
    expect([(bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1]).toEqual([1280, 720]);
    expect(webp.byteLength).toBeLessThan(64);
  });

  it('writes a baseline JPEG whose SOF0 carries the size', () => {
    const jpeg = createSolidJpeg(1536, 1024);
    expect([...jpeg.subarray(0, 2)]).toEqual([0xff, 0xd8]);
    expect([...jpeg.subarray(-2)]).toEqual([0xff, 0xd9]);
    const sof = jpeg.findIndex((byte, i) => byte === 0xff && jpeg[i + 1] === 0xc0);
    const view = new DataView(jpeg.buffer, jpeg.byteOffset);
    expect([view.getUint16(sof + 7), view.getUint16(sof + 5)]).toEqual([1536, 1024]);
  });

  it('names the bad size', () => {
    expect(() => createSolidWebp(0, 10)).toThrow('WebP width and height must be integers from 1 to 16384; got 0x10.');
    expect(() => createSolidJpeg(10, 1.5)).toThrow('got 10x1.5');
  });
});
