import { toDataUri, type MediaInput } from '@tarash/core';
import { describe, expect, it } from 'vitest';
import { useFalHarness } from './support/fal-harness';

const MODEL = 'fal-ai/veo3.1/image-to-video';
const INLINE_MAX = 1024;

/** A PNG-signed buffer of `size` bytes, filled so each size has distinct content. */
function png(size: number): Uint8Array {
  const bytes = new Uint8Array(size).map((_, i) => (i * 31 + size) % 251);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  return bytes;
}

// Small thresholds keep the test data small; the flows are those of 256 KiB / 90 MiB files.
const h = useFalHarness({}, {}, { inlineMediaMaxBytes: INLINE_MAX, multipartThresholdBytes: 4096, multipartPartBytes: 1500 });

/** Generates with `image` as the first frame; returns the `image_url` fal received. */
async function submittedImageUrl(image: MediaInput): Promise<string> {
  const response = await h.gateway.generateVideo(h.config(MODEL), { prompt: 'The boat drifts', imageList: [{ image, type: 'first_frame' }] });
  const [submit] = h.fal.requests({ phase: 'submit', jobId: response.requestId });
  return (submit?.body as { image_url: string }).image_url;
}

describe('media inputs', () => {
  it('sends URLs as given and small media inline as a data URI', async () => {
    expect(await submittedImageUrl('https://images.example/frame.png')).toBe('https://images.example/frame.png');
    const small = png(200);
    expect(await submittedImageUrl(small)).toBe(toDataUri(small, 'image/png'));
    expect(await submittedImageUrl(toDataUri(small, 'image/png'))).toBe(toDataUri(small, 'image/png'));
    expect(h.fal.countRequests({ phase: 'upload' })).toBe(0);
  });

  it.each([
    ['bytes', (bytes: Uint8Array) => bytes],
    ['a Blob', (bytes: Uint8Array) => new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/png' })],
    ['a data URI', (bytes: Uint8Array) => toDataUri(bytes, 'image/png')],
    ['{ data, mediaType }', (bytes: Uint8Array) => ({ data: bytes, mediaType: 'image/png' })],
  ])('uploads %s above the inline limit to fal storage and sends the file URL', async (_name, wrap) => {
    const bytes = png(INLINE_MAX + 500);
    const url = await submittedImageUrl(wrap(bytes));
    expect(url).toMatch(new RegExp(`^${h.fal.url}/files/`));
    const stored = h.fal.uploads().find((f) => url.includes(f.id));
    expect(stored).toMatchObject({ contentType: 'image/png', fileName: 'imageList-0.png' });
    expect(new Uint8Array(stored?.bytes ?? [])).toEqual(bytes);
    const uploads = h.fal.requests({ phase: 'upload' });
    expect(uploads.map((r) => r.method)).toEqual(['POST', 'PUT']);
    expect(uploads[0]?.path).toBe('/storage/upload/initiate');
    expect(uploads[0]?.query).toEqual({ storage_type: 'fal-cdn-v3' });
    expect(uploads[0]?.body).toEqual({ content_type: 'image/png', file_name: 'imageList-0.png' });
    expect(uploads[0]?.headers['authorization']).toBe('[REDACTED]');
    expect(uploads[1]?.headers['authorization']).toBeUndefined();
  });

  it('uploads large files in parts', async () => {
    const bytes = png(4096 + 1000);
    const url = await submittedImageUrl(bytes);
    const uploads = h.fal.requests({ phase: 'upload' });
    expect(uploads.map((r) => `${r.method} ${r.path.replace(/[0-9a-f-]{36}/, '<id>')}`)).toEqual([
      'POST /storage/upload/initiate-multipart',
      'PUT /storage/uploads/<id>/1',
      'PUT /storage/uploads/<id>/2',
      'PUT /storage/uploads/<id>/3',
      'PUT /storage/uploads/<id>/4',
      'POST /storage/uploads/<id>/complete',
    ]);
    const stored = h.fal.uploads().find((f) => url.includes(f.id));
    expect(new Uint8Array(stored?.bytes ?? [])).toEqual(bytes);
  });

  it('retries a transient upload failure (uploads are not paid jobs)', async () => {
    h.fal.injectFault({ phase: 'upload', fault: { kind: 'respond', status: 503, body: { detail: 'busy' } } });
    h.fal.injectFault({ phase: 'upload', fault: { kind: 'reset' } });
    const url = await submittedImageUrl(png(INLINE_MAX + 10));
    expect(url).toMatch(new RegExp(`^${h.fal.url}/files/`));
    expect(h.fal.requests({ phase: 'upload' }).map((r) => r.fault ?? r.status)).toEqual(['respond', 'reset', 200, 200]);
    expect(h.fal.countRequests({ phase: 'submit' })).toBe(1);
  });
});
