import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_REPLICATE_TOKEN, startReplicateServer, type ReplicateFakeServer } from './replicate-server';

let replicate: ReplicateFakeServer;

beforeEach(async () => {
  replicate = await startReplicateServer({ maxFileBytes: 1024 });
});

afterEach(async () => {
  await replicate.close();
});

const auth = { authorization: `Bearer ${FAKE_REPLICATE_TOKEN}` };

function form(bytes: Uint8Array<ArrayBuffer>, metadata?: Blob | string): FormData {
  const body = new FormData();
  body.append('content', new Blob([bytes], { type: 'image/png' }), 'frame.png');
  if (metadata !== undefined) body.append('metadata', metadata);
  return body;
}

describe('Files API', () => {
  it('stores a multipart upload and answers 201 with the file object', async () => {
    const bytes = new Uint8Array([1, 2, 3, 4]);
    const metadata = new Blob([JSON.stringify({ ref: 7 })], { type: 'application/json' });
    const response = await fetch(`${replicate.url}/v1/files`, { method: 'POST', headers: auth, body: form(bytes, metadata) });
    expect(response.status).toBe(201);
    const file = (await response.json()) as Record<string, unknown>;
    expect(file).toMatchObject({
      content_type: 'image/png',
      size: 4,
      metadata: { ref: 7 },
      checksums: { sha256: createHash('sha256').update(bytes).digest('hex') },
      urls: { get: `${replicate.url}/v1/files/${String(file.id)}` },
    });
    expect(Date.parse(file.expires_at as string)).toBeGreaterThan(Date.parse(file.created_at as string));
    const fetched = await (await fetch((file.urls as { get: string }).get, { headers: auth })).json();
    expect(fetched).toEqual(file);
    const download = await fetch(`${replicate.url}/v1/files/${String(file.id)}/download`, { headers: auth });
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);
    expect(replicate.requests({ phase: 'upload' })[0]?.body).toMatchObject({ files: { content: { fileName: 'frame.png', contentType: 'image/png', size: 4 } } });
  });

  it('takes filename, type and metadata as text fields', async () => {
    const body = form(new Uint8Array([9]), '{"a":1}');
    body.append('filename', 'renamed.bin');
    body.append('type', 'application/octet-stream');
    const file = (await (await fetch(`${replicate.url}/v1/files`, { method: 'POST', headers: auth, body })).json()) as Record<string, unknown>;
    expect(file).toMatchObject({ name: 'renamed.bin', content_type: 'application/octet-stream', metadata: { a: 1 } });
  });

  it('refuses a file over the limit with 413, bad metadata and a missing part with 422', async () => {
    const tooBig = await fetch(`${replicate.url}/v1/files`, { method: 'POST', headers: auth, body: form(new Uint8Array(2048)) });
    expect(tooBig.status).toBe(413);
    expect(tooBig.headers.get('content-type')).toBe('application/problem+json');
    expect(((await tooBig.json()) as { detail: string }).detail).toMatch(/Files must be less than/);
    expect((await fetch(`${replicate.url}/v1/files`, { method: 'POST', headers: auth, body: form(new Uint8Array(1), 'not json') })).status).toBe(422);
    const empty = new FormData();
    empty.append('filename', 'x');
    expect((await fetch(`${replicate.url}/v1/files`, { method: 'POST', headers: auth, body: empty })).status).toBe(422);
    expect(replicate.uploads()).toHaveLength(0);
  });

  it('deletes files and needs the token for every files route', async () => {
    const file = (await (await fetch(`${replicate.url}/v1/files`, { method: 'POST', headers: auth, body: form(new Uint8Array(1)) })).json()) as { id: string };
    expect((await fetch(`${replicate.url}/v1/files/${file.id}`)).status).toBe(401);
    expect((await fetch(`${replicate.url}/v1/files/${file.id}`, { method: 'DELETE', headers: auth })).status).toBe(204);
    expect((await fetch(`${replicate.url}/v1/files/${file.id}`, { headers: auth })).status).toBe(404);
  });
});
