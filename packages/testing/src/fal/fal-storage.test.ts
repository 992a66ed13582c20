import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { falHeaders } from '../test-support/fal-http';
import { startFalServer, type FalFakeServer } from './fal-server';

let fal: FalFakeServer;

beforeEach(async () => {
  fal = await startFalServer();
});

afterEach(async () => {
  await fal.close();
});

async function initiate(kind: 'initiate' | 'initiate-multipart', body: unknown): Promise<{ upload_url: string; file_url: string }> {
  const response = await fetch(`${fal.url}/storage/upload/${kind}?storage_type=fal-cdn-v3`, { method: 'POST', headers: falHeaders, body: JSON.stringify(body) });
  expect(response.status).toBe(200);
  return (await response.json()) as { upload_url: string; file_url: string };
}

describe('fal storage upload', () => {
  it('initiates with auth, takes the bytes at upload_url without auth, and serves them at file_url', async () => {
    const { upload_url, file_url } = await initiate('initiate', { content_type: 'image/png', file_name: 'in put.png' });
    expect(file_url.startsWith(`${fal.url}/files/`)).toBe(true);
    const bytes = new Uint8Array([137, 80, 78, 71, 1, 2, 3]);
    const put = await fetch(upload_url, { method: 'PUT', body: bytes, headers: { 'content-type': 'image/png' } });
    expect(put.status).toBe(200);
    const served = await fetch(file_url);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(bytes);
    expect(fal.uploads()).toEqual([expect.objectContaining({ fileName: 'in put.png', contentType: 'image/png' })]);
    expect(fal.requests({ phase: 'upload', method: 'PUT' })[0]?.body).toEqual({ size: 7, contentType: 'image/png' });
  });

  it('assembles a multipart upload from its parts in order', async () => {
    const { upload_url, file_url } = await initiate('initiate-multipart', { content_type: 'video/mp4', file_name: 'big.mp4' });
    const url = new URL(upload_url);
    const partUrl = (part: number | string) => `${url.origin}${url.pathname}/${part}${url.search}`;
    const second = await (await fetch(partUrl(2), { method: 'PUT', body: 'world' })).json();
    const first = await (await fetch(partUrl(1), { method: 'PUT', body: 'hello ' })).json();
    expect(first).toEqual({ partNumber: 1, etag: expect.any(String) });
    const complete = await fetch(partUrl('complete'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ parts: [first, second] }) });
    expect(complete.status).toBe(200);
    expect(await (await fetch(file_url)).text()).toBe('hello world');
  });

  it('refuses an initiate without a key, a bad content type, and a PUT without the URL signature', async () => {
    expect((await fetch(`${fal.url}/storage/upload/initiate`, { method: 'POST', body: '{}' })).status).toBe(401);
    const badType = await fetch(`${fal.url}/storage/upload/initiate`, { method: 'POST', headers: falHeaders, body: JSON.stringify({ content_type: 'png' }) });
    expect([badType.status, await badType.json()]).toEqual([422, { detail: 'content_type must be a media type such as "image/png"; got "png".' }]);
    const { upload_url } = await initiate('initiate', { content_type: 'text/plain', file_name: 'a.txt' });
    const unsigned = new URL(upload_url);
    unsigned.search = '';
    expect((await fetch(unsigned, { method: 'PUT', body: 'x' })).status).toBe(403);
    expect((await fetch(upload_url, { method: 'PUT', body: 'x' })).status).toBe(200);
    expect((await fetch(upload_url, { method: 'PUT', body: 'x' })).status).toBe(404);
  });
});
