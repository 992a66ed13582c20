import OpenAI, { toFile } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateContracts } from '../helpers';
import { FAKE_OPENAI_KEY, startOpenAIServer, type OpenAIFakeServer } from './openai-server';

const contractsDir = locateContracts({ skipping: 'the OpenAI contract validation of the client tests' });
let openai: OpenAIFakeServer;
let client: OpenAI;

beforeAll(async () => {
  openai = await startOpenAIServer(contractsDir ? { contractsDir } : {});
  client = new OpenAI({ apiKey: FAKE_OPENAI_KEY, baseURL: `${openai.url}/v1`, maxRetries: 0 });
});

afterAll(async () => {
  await openai.close();
});

describe('official openai client (v6) against the fake server', () => {
  it('completes images.generate', async () => {
    const result = await client.images.generate({ model: 'gpt-image-1', prompt: 'a lake', size: '1024x1024', output_format: 'jpeg' });
    expect(result.data?.[0]?.b64_json).toEqual(expect.any(String));
    expect(Buffer.from(result.data?.[0]?.b64_json ?? '', 'base64').subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(result.usage?.total_tokens).toBeGreaterThan(0);
  });

  it('completes images.edit with files (multipart image[] and mask)', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const result = await client.images.edit({
      model: 'gpt-image-1',
      prompt: 'add a boat',
      image: [await toFile(png, 'a.png', { type: 'image/png' }), await toFile(png, 'b.png', { type: 'image/png' })],
      mask: await toFile(png, 'mask.png', { type: 'image/png' }),
    });
    expect(result.data).toHaveLength(1);
    const recorded = openai.requests({ phase: 'image-edit' }).at(-1);
    expect(recorded?.status).toBe(200);
    expect(recorded?.body).toMatchObject({ files: { 'image[]': [{ fileName: 'a.png' }, { fileName: 'b.png' }], mask: { fileName: 'mask.png' } } });
  });

  it('completes videos.create, videos.retrieve polling and videos.downloadContent', async () => {
    openai.scriptNextVideo({ queueMs: 30, runMs: 60 });
    const created = await client.videos.create({ model: 'sora-2', prompt: 'a lake', seconds: '4', size: '720x1280' });
    expect(created.status).toBe('queued');
    let video = created;
    const seen = new Set<string>([video.status]);
    while (video.status === 'queued' || video.status === 'in_progress') {
      await new Promise((resolve) => setTimeout(resolve, 10));
      video = await client.videos.retrieve(created.id);
      seen.add(video.status);
    }
    expect(video.status).toBe('completed');
    expect(seen.has('in_progress')).toBe(true);
    const content = await client.videos.downloadContent(created.id);
    expect(content.headers.get('content-type')).toBe('video/mp4');
    expect(Buffer.from(await content.arrayBuffer()).subarray(4, 8).toString('latin1')).toBe('ftyp');
    const remix = await client.videos.remix(created.id, { prompt: 'at night' });
    expect(remix.remixed_from_video_id).toBe(created.id);
    const listed: string[] = [];
    for await (const item of client.videos.list({ limit: 1 })) listed.push(item.id);
    expect(listed).toEqual([remix.id, created.id]);
    expect(await client.videos.delete(remix.id)).toEqual({ id: remix.id, object: 'video.deleted', deleted: true });
    expect(openai.contractViolations()).toEqual([]);
  });

  it('surfaces the 401 as the client\'s AuthenticationError', async () => {
    const wrong = new OpenAI({ apiKey: 'sk-wrong', baseURL: `${openai.url}/v1`, maxRetries: 0 });
    await expect(wrong.images.generate({ model: 'gpt-image-1', prompt: 'x' })).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
  });
});
