import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateContracts } from '../helpers';
import { FAKE_AZURE_OPENAI_KEY, FAKE_OPENAI_KEY, openaiRateLimitFault, startOpenAIServer, type OpenAIFakeServer } from './openai-server';

const contractsDir = locateContracts({ skipping: 'the OpenAI contract tests' });
let openai: OpenAIFakeServer;

beforeAll(async () => {
  openai = await startOpenAIServer({ ...(contractsDir ? { contractsDir } : {}), azureDeployments: { 'my-images': 'gpt-image-1' } });
});

afterAll(async () => {
  await openai.close();
});

const bearer = { authorization: `Bearer ${FAKE_OPENAI_KEY}` };

async function postJson(path: string, body: unknown, headers: Record<string, string> = bearer) {
  const response = await fetch(`${openai.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { response, body: (await response.json()) as Record<string, any> };
}

describe('images/generations', () => {
  it('answers gpt-image models with b64_json in output_format, usage and OpenAI headers', async () => {
    const { response, body } = await postJson('/v1/images/generations', { model: 'gpt-image-1', prompt: 'a lake', n: 2, size: '1536x1024', output_format: 'webp', quality: 'low' });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
    expect(response.headers.get('x-ratelimit-remaining-requests')).toMatch(/^\d+$/);
    expect(response.headers.get('x-ratelimit-reset-requests')).toMatch(/^\d+(ms|m\d+s)$/);
    expect(body).toMatchObject({ output_format: 'webp', size: '1536x1024', quality: 'low', background: 'opaque' });
    expect(body.data).toHaveLength(2);
    const bytes = Buffer.from(body.data[0].b64_json, 'base64');
    expect(bytes.subarray(8, 12).toString('latin1')).toBe('WEBP');
    expect(body.usage.total_tokens).toBe(body.usage.input_tokens + body.usage.output_tokens);
    expect(body.usage.output_tokens).toBeGreaterThan(0);
  });

  it('serves dall-e-3 results as URLs on its own origin with revised_prompt', async () => {
    const { body } = await postJson('/v1/images/generations', { model: 'dall-e-3', prompt: 'a lake', size: '1792x1024', style: 'natural' });
    const [image] = body.data as { url: string; revised_prompt: string }[];
    expect(image?.url.startsWith(`${openai.url}/v1/`)).toBe(true);
    expect(image?.revised_prompt).toContain('a lake');
    const media = await fetch(image?.url ?? '');
    expect(media.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await media.arrayBuffer()).subarray(1, 4)).toEqual(new TextEncoder().encode('PNG'));
    const b64 = await postJson('/v1/images/generations', { model: 'dall-e-2', prompt: 'x', response_format: 'b64_json', size: '256x256' });
    expect(b64.body.data[0]).toEqual({ b64_json: expect.any(String) });
  });

  it.each([
    [{ model: 'gpt-image-1', prompt: 'x', response_format: 'url' }, 'response_format'],
    [{ model: 'gpt-image-1', prompt: 'x', size: '1792x1024' }, 'size'],
    [{ model: 'gpt-image-1', prompt: 'x', style: 'vivid' }, 'style'],
    [{ model: 'dall-e-3', prompt: 'x', n: 2 }, 'n'],
    [{ model: 'dall-e-2', prompt: 'x', quality: 'hd' }, 'quality'],
    [{ model: 'dall-e-3', prompt: 'x', output_format: 'png' }, 'output_format'],
    [{ model: 'whisper-1', prompt: 'x' }, 'model'],
  ])('rejects per-model violations with a 400 naming the param: %j', async (request, param) => {
    const { response, body } = await postJson('/v1/images/generations', request);
    expect(response.status).toBe(400);
    expect(body.error).toMatchObject({ type: 'invalid_request_error', param });
  });

  it('takes arbitrary WxH for gpt-image-2 (multiples of 16)', async () => {
    expect((await postJson('/v1/images/generations', { model: 'gpt-image-2', prompt: 'x', size: '1536x864' })).response.status).toBe(200);
    expect((await postJson('/v1/images/generations', { model: 'gpt-image-2', prompt: 'x', size: '1000x864' })).response.status).toBe(400);
  });

  it('refuses a missing or wrong key with 401 without echoing it', async () => {
    const missing = await postJson('/v1/images/generations', { prompt: 'x' }, {});
    const wrong = await postJson('/v1/images/generations', { prompt: 'x' }, { authorization: 'Bearer sk-someone-elses-secret-key' });
    expect(missing.response.status).toBe(401);
    expect(wrong.response.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalid_api_key');
    expect(JSON.stringify(wrong.body)).not.toContain('secret');
    expect(JSON.stringify(openai.requests())).not.toContain(FAKE_OPENAI_KEY);
  });

  it('plays scripted moderation and failures', async () => {
    openai.scriptNextImage({ outcome: 'moderation' });
    const moderated = await postJson('/v1/images/generations', { model: 'gpt-image-1', prompt: 'x' });
    expect(moderated.response.status).toBe(400);
    expect(moderated.body.error).toMatchObject({ code: 'moderation_blocked', type: 'image_generation_user_error' });
    openai.scriptNextImage({ outcome: { error: 'overloaded', httpStatus: 503 } });
    const failed = await postJson('/v1/images/generations', { model: 'gpt-image-1', prompt: 'x' });
    expect(failed.response.status).toBe(503);
    expect(failed.body.error).toMatchObject({ message: 'overloaded', type: 'server_error' });
  });

  it('injects a 429 with retry-after-ms', async () => {
    openai.injectFault({ phase: 'image-generate', fault: openaiRateLimitFault(1500) });
    const { response, body } = await postJson('/v1/images/generations', { model: 'gpt-image-1', prompt: 'x' });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after-ms')).toBe('1500');
    expect(response.headers.get('retry-after')).toBe('2');
    expect(body.error.code).toBe('rate_limit_exceeded');
  });
});

describe('images/edits', () => {
  function editForm(fields: Record<string, string>, images: number, withMask: boolean): FormData {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    const png = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' });
    if (images === 1) form.append('image', png, 'a.png');
    else for (let i = 0; i < images; i++) form.append('image[]', png, `a${i}.png`);
    if (withMask) form.append('mask', png, 'mask.png');
    return form;
  }

  it('takes image[] parts and a mask, and records file summaries without bytes', async () => {
    const response = await fetch(`${openai.url}/v1/images/edits`, { method: 'POST', headers: bearer, body: editForm({ model: 'gpt-image-1', prompt: 'add a boat', n: '1' }, 2, true) });
    const body = (await response.json()) as Record<string, any>;
    expect(response.status).toBe(200);
    expect(body.usage.input_tokens_details.image_tokens).toBeGreaterThan(0);
    const recorded = openai.requests({ phase: 'image-edit' }).at(-1);
    expect(recorded?.bodyKind).toBe('multipart');
    expect(recorded?.body).toMatchObject({ fields: { prompt: 'add a boat' }, files: { 'image[]': [{ fileName: 'a0.png', size: 4 }, { fileName: 'a1.png' }], mask: { fileName: 'mask.png' } } });
  });

  it('rejects an edit without images and a dall-e-2 edit with two', async () => {
    const none = await fetch(`${openai.url}/v1/images/edits`, { method: 'POST', headers: bearer, body: editForm({ model: 'gpt-image-1', prompt: 'x' }, 0, false) });
    expect(none.status).toBe(400);
    expect(((await none.json()) as Record<string, any>).error.param).toBe('image');
    const two = await fetch(`${openai.url}/v1/images/edits`, { method: 'POST', headers: bearer, body: editForm({ model: 'dall-e-2', prompt: 'x' }, 2, false) });
    expect(two.status).toBe(400);
  });
});

describe('Azure OpenAI routes', () => {
  const azure = { 'api-key': FAKE_AZURE_OPENAI_KEY };

  it('serves /openai/deployments/{deployment}/images/generations with api-key and api-version', async () => {
    const { response, body } = await postJson('/openai/deployments/my-images/images/generations?api-version=2025-04-01-preview', { prompt: 'x' }, azure);
    expect(response.status).toBe(200);
    expect(body.data[0].b64_json).toEqual(expect.any(String));
    const noVersion = await postJson('/openai/deployments/my-images/images/generations', { prompt: 'x' }, azure);
    expect(noVersion.response.status).toBe(404);
    const bearerOnly = await postJson('/openai/deployments/my-images/images/generations?api-version=2025-04-01-preview', { prompt: 'x' });
    expect(bearerOnly.response.status).toBe(401);
    expect(bearerOnly.body.error.code).toBe('401');
  });

  it('serves the v1 API under /openai/v1', async () => {
    const { response } = await postJson('/openai/v1/images/generations', { model: 'gpt-image-1', prompt: 'x' }, azure);
    expect(response.status).toBe(200);
  });
});

describe.skipIf(!contractsDir)('contract validation', () => {
  it('answers a body that breaks the stored schema with 400 invalid_request_error and param', async () => {
    const { response, body } = await postJson('/v1/images/generations', { model: 'gpt-image-1', prompt: 'x', n: 11 });
    expect(response.status).toBe(400);
    expect(body.error).toMatchObject({ type: 'invalid_request_error', param: 'n' });
    expect(openai.contractViolations().at(-1)?.issues[0]?.path).toEqual(['n']);
    expect(openai.validatesContracts).toBe(true);
  });
});
