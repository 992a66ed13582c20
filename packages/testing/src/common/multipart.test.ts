import { describe, expect, it } from 'vitest';
import { parseMultipart, summarizeMultipart } from './multipart';
import { parseBody, recordBody } from './request-body';

async function encode(form: FormData): Promise<{ bytes: Buffer; contentType: string }> {
  const request = new Request('http://encode.invalid/', { method: 'POST', body: form });
  return { bytes: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type') ?? '' };
}

describe('multipart parsing', () => {
  it('reads fields (repeated names as arrays) and files with name, type, size and bytes', async () => {
    const form = new FormData();
    form.append('prompt', 'a lake');
    form.append('tag', 'one');
    form.append('tag', 'two');
    form.append('image', new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }), 'in.png');
    const { bytes, contentType } = await encode(form);
    const body = await parseMultipart(bytes, contentType);
    expect(body.fields).toEqual({ prompt: 'a lake', tag: ['one', 'two'] });
    expect(body.files.image).toMatchObject({ fileName: 'in.png', contentType: 'image/png', size: 3 });
    expect(summarizeMultipart(body)).toEqual({
      fields: { prompt: 'a lake', tag: ['one', 'two'] },
      files: { image: { fileName: 'in.png', contentType: 'image/png', size: 3 } },
    });
  });

  it('records multipart bodies as summaries and binary bodies as sizes', async () => {
    const form = new FormData();
    form.append('file', new Blob(['hello'], { type: 'text/plain' }), 'h.txt');
    const { bytes, contentType } = await encode(form);
    expect(recordBody(await parseBody(bytes, contentType))).toEqual({
      bodyKind: 'multipart',
      body: { fields: {}, files: { file: { fileName: 'h.txt', contentType: 'text/plain', size: 5 } } },
    });
    expect(recordBody(await parseBody(Buffer.from([0, 1, 2, 3]), 'image/png'))).toEqual({
      bodyKind: 'bytes',
      body: { size: 4, contentType: 'image/png' },
    });
  });

  it('parses JSON, keeps invalid JSON as such, and fails on a broken multipart body', async () => {
    expect(await parseBody(Buffer.from('{"a":1}'), 'application/json')).toEqual({ kind: 'json', value: { a: 1 } });
    expect((await parseBody(Buffer.from('{"a":'), 'application/json')).kind).toBe('invalid-json');
    expect(await parseBody(Buffer.alloc(0), 'application/json')).toEqual({ kind: 'empty' });
    await expect(parseMultipart(Buffer.from('garbage'), 'multipart/form-data; boundary=xyz')).rejects.toThrow();
  });
});
