import { describe, expect, it } from 'vitest';
import { createPng } from '../../common/media/png';
import { readImageDimensions } from '../image-dimensions';
import { createJpeg } from './jpeg';
import { createWebp } from './webp';

describe('createJpeg', () => {
  it('writes SOI, JFIF, DQT, SOF0 with the size, DHT, SOS, the scan and EOI', () => {
    const jpeg = Buffer.from(createJpeg({ width: 13, height: 7 }));
    const markers: number[] = [];
    for (let offset = 2; jpeg[offset] === 0xff && jpeg[offset + 1] !== 0xda; offset += 2 + jpeg.readUInt16BE(offset + 2)) markers.push(jpeg[offset + 1] as number);
    expect([...jpeg.subarray(0, 2)]).toEqual([0xff, 0xd8]);
    expect(markers).toEqual([0xe0, 0xdb, 0xc0, 0xc4]);
    expect([...jpeg.subarray(-2)]).toEqual([0xff, 0xd9]);
    expect(readImageDimensions(jpeg)).toEqual({ format: 'jpeg', width: 13, height: 7 });
  });

  it('pads the scan with one bits and never writes 0xFF inside it', () => {
    // 2x1 blocks = 4 bits: "0000" then four padding ones.
    const jpeg = createJpeg({ width: 16, height: 8 });
    expect(jpeg[jpeg.length - 3]).toBe(0x0f);
    const scan = createJpeg({ width: 1536, height: 640 });
    expect(scan.subarray(scan.indexOf(0xda, 2) + 9, -2).includes(0xff)).toBe(false);
  });

  it('rejects impossible sizes', () => {
    expect(() => createJpeg({ width: 0, height: 5 })).toThrow('JPEG width must be an integer from 1 to 65535; got 0.');
  });
});

describe('createWebp', () => {
  it('writes a RIFF WEBP container with one VP8L chunk of the right sizes', () => {
    const webp = Buffer.from(createWebp({ width: 1344, height: 768, rgb: [1, 2, 3] }));
    expect(webp.toString('latin1', 0, 4)).toBe('RIFF');
    expect(webp.readUInt32LE(4)).toBe(webp.length - 8);
    expect(webp.toString('latin1', 8, 16)).toBe('WEBPVP8L');
    expect(webp[20]).toBe(0x2f);
    expect(readImageDimensions(webp)).toEqual({ format: 'webp', width: 1344, height: 768 });
  });

  it('rejects impossible sizes', () => {
    expect(() => createWebp({ width: 16_385, height: 5 })).toThrow('WebP width must be an integer from 1 to 16384; got 16385.');
  });
});

describe('readImageDimensions', () => {
  it('reads PNG headers and refuses other bytes', () => {
    expect(readImageDimensions(createPng({ width: 640, height: 320 }))).toEqual({ format: 'png', width: 640, height: 320 });
    expect(readImageDimensions(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]))).toBeUndefined();
  });
});
