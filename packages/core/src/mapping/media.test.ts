import { describe, expect, it } from 'vitest';
import { dataUriByteLength, mediaInputByteLength, parseDataUri, readMediaInput, sniffMediaType, toDataUri } from './media';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]);
const MP4 = new Uint8Array([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d, 0, 0]);

describe('media helpers', () => {
  it('sniffs common media types', () => {
    expect(sniffMediaType(PNG)).toBe('image/png');
    expect(sniffMediaType(MP4)).toBe('video/mp4');
    expect(sniffMediaType(new Uint8Array(20))).toBeUndefined();
  });

  it('round-trips data URIs', () => {
    const uri = toDataUri(PNG, 'image/png');
    expect(uri.startsWith('data:image/png;base64,')).toBe(true);
    expect(parseDataUri(uri)).toEqual({ mediaType: 'image/png', bytes: PNG });
    expect(dataUriByteLength(uri)).toBe(PNG.length);
    expect(parseDataUri('data:text/plain,hi%20there').bytes).toEqual(new TextEncoder().encode('hi there'));
  });

  it('reads every MediaInput form', async () => {
    expect(await readMediaInput('https://x.example/a.png')).toEqual({ kind: 'url', url: 'https://x.example/a.png' });
    expect(await readMediaInput(PNG)).toEqual({ kind: 'bytes', bytes: PNG, mediaType: 'image/png' });
    expect(await readMediaInput(PNG.buffer)).toMatchObject({ kind: 'bytes', mediaType: 'image/png' });
    expect(await readMediaInput(new Blob([MP4], { type: 'video/mp4' }))).toEqual({ kind: 'bytes', bytes: MP4, mediaType: 'video/mp4' });
    expect(await readMediaInput({ data: Buffer.from(PNG).toString('base64'), mediaType: 'image/png' })).toEqual({ kind: 'bytes', bytes: PNG, mediaType: 'image/png' });
    expect(mediaInputByteLength(new Blob([MP4]))).toBe(MP4.length);
    expect(mediaInputByteLength('https://x.example/a.png')).toBeUndefined();
  });
});
