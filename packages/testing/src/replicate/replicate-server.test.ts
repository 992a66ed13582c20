import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ScriptedJob } from '../common/scripted-job';
import { resolveJobScript } from '../common/job-script';
import { fakeVersionId } from './replicate-model-catalog';
import { replicateMediaOutput } from './replicate-output';
import { NSFW_ERROR, predictionBody, ReplicatePrediction, tqdmLine } from './replicate-prediction';
import { throttledFault } from './replicate-problem';
import { FAKE_REPLICATE_TOKEN, ReplicateFakeServer, startReplicateServer } from './replicate-server';
import { callReplicate, createModelPrediction, getJson, replicateHeaders } from './replicate-test-http';

let replicate: ReplicateFakeServer;

beforeEach(async () => {
  replicate = await startReplicateServer({ defaultScript: { runMs: 20 } });
});

afterEach(async () => {
  await replicate.close();
});

/** Polls a prediction until it ends (test helper; the fake's jobs end within milliseconds). */
async function settle(url: string): Promise<Record<string, unknown>> {
  for (;;) {
    const { body } = await getJson(url);
    if (!['starting', 'processing'].includes(body.status as string)) return body;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('authentication', () => {
  it('accepts Bearer and Token, and refuses anything else with a 401 problem', async () => {
    const bearer = await createModelPrediction(replicate, 'google/veo-3', { prompt: 'x' });
    const token = await createModelPrediction(replicate, 'google/veo-3', { prompt: 'x' }, { authorization: `Token ${FAKE_REPLICATE_TOKEN}` });
    expect([bearer.status, token.status]).toEqual([201, 201]);
    for (const authorization of ['', 'Bearer r8_wrong0token00000000', `Key ${FAKE_REPLICATE_TOKEN}`]) {
      const denied = await createModelPrediction(replicate, 'google/veo-3', { prompt: 'x' }, { authorization });
      expect(denied.status).toBe(401);
      expect(denied.headers.get('content-type')).toBe('application/problem+json');
      expect(denied.body).toEqual({ title: 'Unauthenticated', detail: expect.any(String), status: 401 });
    }
    expect(replicate.predictions()).toHaveLength(2);
    expect(JSON.stringify(replicate.requests())).not.toContain(FAKE_REPLICATE_TOKEN);
  });
});

describe('creating predictions', () => {
  it('answers 201 "starting" without Prefer, with every required field and URLs on its origin', async () => {
    replicate.scriptNext({ queueMs: 50, runMs: 50 });
    const { status, body } = await createModelPrediction(replicate, 'google/veo-3', { prompt: 'lake' });
    expect(status).toBe(201);
    const get = `${replicate.url}/v1/predictions/${String(body.id)}`;
    expect(body).toMatchObject({
      model: 'google/veo-3',
      version: 'hidden',
      input: { prompt: 'lake' },
      output: null,
      data_removed: false,
      error: null,
      status: 'starting',
      logs: '',
      urls: { get, cancel: `${get}/cancel`, stream: `${get}/stream`, web: `${replicate.url}/p/${String(body.id)}` },
    });
    expect(Date.parse(body.created_at as string)).not.toBeNaN();
    const done = await settle(get);
    expect(done).toMatchObject({ status: 'succeeded', output: `${replicate.url}/media/${String(body.id)}/output-0.mp4` });
    expect(done.metrics).toEqual({ predict_time: expect.any(Number), total_time: expect.any(Number) });
    const video = await fetch(done.output as string);
    expect(video.headers.get('content-type')).toBe('video/mp4');
    expect(new TextDecoder().decode((await video.arrayBuffer()).slice(4, 8))).toBe('ftyp');
  });

  it('holds the request with Prefer: wait and answers 201 with the final prediction', async () => {
    replicate.scriptNext({ runMs: 80 });
    const { status, body } = await createModelPrediction(replicate, 'google/veo-3', { prompt: 'lake' }, { prefer: 'wait' });
    expect(status).toBe(201);
    expect(body.status).toBe('succeeded');
    expect(replicate.countRequests()).toBe(1);
  });

  it('answers 202 when Prefer: wait=N runs out first', async () => {
    replicate.scriptNext({ runMs: 5_000 });
    const { status, body } = await createModelPrediction(replicate, 'google/veo-3', { prompt: 'lake' }, { prefer: 'wait=1' });
    expect(status).toBe(202);
    expect(body.status).toBe('processing');
  });

  it('refuses a Prefer wait outside 1..60 and a Cancel-After under 5 s', async () => {
    expect((await createModelPrediction(replicate, 'google/veo-3', { prompt: 'x' }, { prefer: 'wait=61' })).status).toBe(400);
    const short = await createModelPrediction(replicate, 'google/veo-3', { prompt: 'x' }, { 'cancel-after': '2s' });
    expect(short.status).toBe(400);
    expect(short.body.detail).toMatch(/at least 5s/);
    expect((await createModelPrediction(replicate, 'google/veo-3', { prompt: 'x' }, { 'cancel-after': '1h30m' })).body.deadline).toEqual(expect.any(String));
  });

  it('runs versions given as a 64-hex id, owner/name:version or owner/name', async () => {
    const sdxl = replicate.defineModel('stability-ai/sdxl', { official: false });
    const byId = await callReplicate(replicate, 'POST', '/predictions', { version: sdxl.version, input: { prompt: 'x' } });
    const pinned = await callReplicate(replicate, 'POST', '/predictions', { version: `stability-ai/sdxl:${sdxl.version}`, input: { prompt: 'x' } });
    const official = await callReplicate(replicate, 'POST', '/predictions', { version: 'black-forest-labs/flux-schnell', input: { prompt: 'x' } });
    expect([byId.status, pinned.status, official.status]).toEqual([201, 201, 201]);
    expect(byId.body).toMatchObject({ model: 'stability-ai/sdxl', version: sdxl.version });
    expect(official.body).toMatchObject({ model: 'black-forest-labs/flux-schnell', version: 'hidden' });
    for (const version of ['stability-ai/sdxl', fakeVersionId('unknown/model'), 'not a version', 42]) {
      const refused = await callReplicate(replicate, 'POST', '/predictions', { version, input: {} });
      expect(refused.status).toBe(422);
    }
    expect((await createModelPrediction(replicate, 'stability-ai/sdxl', { prompt: 'x' })).status).toBe(404);
  });

  it('creates predictions through a deployment', async () => {
    const server = await startReplicateServer({ deployments: { 'acme/my-veo': 'google/veo-3' } });
    try {
      const { status, body } = await callReplicate(server, 'POST', '/deployments/acme/my-veo/predictions', { input: { prompt: 'x' } });
      expect(status).toBe(201);
      expect(body).toMatchObject({ model: 'google/veo-3', deployment: 'acme/my-veo' });
    } finally {
      await server.close();
    }
  });

  it('refuses inputs that break a declared model schema with invalid_fields', async () => {
    replicate.defineModel('google/veo-3', {
      inputSchema: { type: 'object', required: ['prompt'], properties: { prompt: { type: 'string' }, duration: { enum: [4, 6, 8] } } },
    });
    const { status, headers, body } = await createModelPrediction(replicate, 'google/veo-3', { duration: 5 });
    expect(status).toBe(422);
    expect(headers.get('content-type')).toBe('application/problem+json');
    expect(body).toMatchObject({ title: 'Input validation failed', status: 422 });
    expect(body.invalid_fields).toEqual(
      expect.arrayContaining([
        { type: 'required', field: 'prompt', description: expect.stringContaining('prompt is required') },
        { type: 'enum', field: 'duration', description: expect.stringContaining('4, 6, 8') },
      ]),
    );
    expect(replicate.predictions()).toHaveLength(0);
  });

  it('refuses a body without an input object', async () => {
    const { status, body } = await callReplicate(replicate, 'POST', '/models/google/veo-3/predictions', { prompt: 'x' });
    expect(status).toBe(422);
    expect(body.invalid_fields).toEqual([{ type: 'required', field: 'input', description: 'input is required' }]);
  });
});

describe('statuses, logs and outputs', () => {
  it('goes starting → processing with tqdm progress lines → succeeded', async () => {
    replicate.scriptNext({ queueMs: 60, runMs: 300, logs: ['Loading model'], progressSteps: 3 });
    const { body } = await createModelPrediction(replicate, 'google/veo-3', { prompt: 'x' });
    const url = (body.urls as { get: string }).get;
    const seen = new Set<string>();
    let logs = '';
    for (;;) {
      const { body: current } = await getJson(url);
      seen.add(current.status as string);
      logs = current.logs as string;
      if (current.status === 'succeeded') break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect([...seen]).toEqual(expect.arrayContaining(['starting', 'processing', 'succeeded']));
    expect(logs.split('\n')).toEqual(['Loading model', tqdmLine(25), tqdmLine(50), tqdmLine(75)]);
    expect(tqdmLine(45)).toBe(' 45%|████▌     | 45/100 [00:02<00:02, 20.00it/s]');
  });

  it.each([
    ['a list of URLs', replicateMediaOutput({ shape: 'url-list', count: 2, kind: 'image' }), (url: string, id: string) => [`${url}/media/${id}/output-0.png`, `${url}/media/${id}/output-1.png`]],
    ['an object', replicateMediaOutput({ shape: 'object' }), (url: string, id: string) => ({ video: `${url}/media/${id}/output-0.mp4`, seed: 42 })],
    ['an exact value', { text: 'hello' }, () => ({ text: 'hello' })],
  ])('returns %s as output', async (_label, output, expected) => {
    replicate.scriptNext({ output });
    const { body } = await createModelPrediction(replicate, 'google/veo-3', { prompt: 'x' }, { prefer: 'wait' });
    expect(body.output).toEqual(expected(replicate.url, String(body.id)));
  });

  it('gives image models num_outputs images by default', async () => {
    const { body } = await createModelPrediction(replicate, 'black-forest-labs/flux-schnell', { prompt: 'x', num_outputs: 3 }, { prefer: 'wait' });
    expect(body.output).toHaveLength(3);
    const image = await fetch((body.output as string[])[2] as string);
    expect(image.headers.get('content-type')).toBe('image/png');
  });

  it('reports failures and NSFW refusals in "error"', async () => {
    replicate.scriptNext({ outcome: 'moderation' });
    replicate.scriptNext({ outcome: { error: 'CUDA out of memory' } });
    const nsfw = await createModelPrediction(replicate, 'google/veo-3', { prompt: 'x' }, { prefer: 'wait' });
    const oom = await createModelPrediction(replicate, 'google/veo-3', { prompt: 'x' }, { prefer: 'wait' });
    expect(nsfw.body).toMatchObject({ status: 'failed', error: NSFW_ERROR, output: null });
    expect(oom.body).toMatchObject({ status: 'failed', error: 'CUDA out of memory' });
  });

  it('reports a prediction Cancel-After stopped before it started as aborted', () => {
    const submittedAt = Date.now() - 6_000;
    const job = new ScriptedJob('p1', resolveJobScript({ queueMs: 10_000, runMs: 1_000 }), submittedAt);
    const prediction = new ReplicatePrediction({
      job,
      model: 'o/m',
      version: 'hidden',
      input: {},
      webhook: undefined,
      webhookEventsFilter: [],
      deployment: undefined,
      deadlineAt: submittedAt + 5_000,
      buildOutput: () => ({ output: null, media: new Map() }),
    });
    expect(predictionBody('http://x', prediction)).toMatchObject({ status: 'aborted', output: null, metrics: { predict_time: 0 } });
  });
});

describe('get, cancel, list, stream', () => {
  it('cancels with POST (PUT is 405) and returns a finished prediction unchanged', async () => {
    replicate.scriptNext({ runMs: 10_000 });
    const { body } = await createModelPrediction(replicate, 'google/veo-3', { prompt: 'x' });
    const cancelUrl = (body.urls as { cancel: string }).cancel;
    expect((await fetch(cancelUrl, { method: 'PUT', headers: replicateHeaders })).status).toBe(405);
    const cancelled = await (await fetch(cancelUrl, { method: 'POST', headers: replicateHeaders })).json();
    expect(cancelled).toMatchObject({ status: 'canceled', completed_at: expect.any(String) });
    const again = await (await fetch(cancelUrl, { method: 'POST', headers: replicateHeaders })).json();
    expect(again).toMatchObject({ status: 'canceled' });
    expect(replicate.prediction(String(body.id))?.requestCounts.cancel).toBe(2);
    expect((await getJson(`${replicate.url}/v1/predictions/unknown`)).status).toBe(404);
  });

  it('lists predictions newest first', async () => {
    const first = await createModelPrediction(replicate, 'google/veo-3', { prompt: 'a' });
    const second = await createModelPrediction(replicate, 'google/veo-3', { prompt: 'b' });
    const { body } = await callReplicate(replicate, 'GET', '/predictions');
    expect((body.results as { id: string }[]).map((p) => p.id)).toEqual([second.body.id, first.body.id]);
    expect(body).toMatchObject({ next: null, previous: null });
  });

  it('streams logs, the output and done', async () => {
    replicate.scriptNext({ runMs: 60, logs: ['step one', 'step two'] });
    const { body } = await createModelPrediction(replicate, 'google/veo-3', { prompt: 'x' });
    const text = await (await fetch((body.urls as { stream: string }).stream, { headers: replicateHeaders })).text();
    expect(text).toContain('event: logs\ndata: step one');
    expect(text).toContain(`event: output\ndata: ${replicate.url}/media/${String(body.id)}/output-0.mp4`);
    expect(text.trimEnd().endsWith('event: done\ndata: {}')).toBe(true);
  });
});

describe('faults', () => {
  it('throttles a create with Retry-After and a retry_after body', async () => {
    replicate.injectFault({ phase: 'submit', fault: throttledFault(2) });
    const { status, headers, body } = await createModelPrediction(replicate, 'google/veo-3', { prompt: 'x' });
    expect(status).toBe(429);
    expect(headers.get('retry-after')).toBe('2');
    expect(body).toMatchObject({ status: 429, retry_after: 2 });
    expect(replicate.predictions()).toHaveLength(0);
  });
});
