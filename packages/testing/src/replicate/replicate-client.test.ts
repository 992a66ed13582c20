import Replicate, { parseProgressFromLogs, validateWebhook } from 'replicate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tqdmLine } from './replicate-prediction';
import { FAKE_REPLICATE_TOKEN, startReplicateServer, type ReplicateFakeServer } from './replicate-server';
import { startWebhookReceiver } from './webhook-receiver';

let replicate: ReplicateFakeServer;
let client: Replicate;

beforeEach(async () => {
  replicate = await startReplicateServer({ defaultScript: { runMs: 40 } });
  client = new Replicate({ auth: FAKE_REPLICATE_TOKEN, baseUrl: `${replicate.url}/v1` });
});

afterEach(async () => {
  await replicate.close();
});

describe('the official replicate client against the fake server', () => {
  it('runs a model in one blocking request (Prefer: wait)', async () => {
    const output = await client.run('google/veo-3', { input: { prompt: 'a lake' } });
    expect(output).toMatch(new RegExp(`^${replicate.url}/media/.+/output-0\\.mp4$`));
    expect(replicate.requests().map((r) => [r.method, r.phase, r.headers.prefer])).toEqual([['POST', 'submit', 'wait']]);
  });

  it('runs a pinned version by polling when not waiting', async () => {
    const model = replicate.defineModel('stability-ai/sdxl', { official: false });
    const output = await client.run(`stability-ai/sdxl:${model.version}`, { input: { prompt: 'x', num_outputs: 2 }, wait: { mode: 'poll', interval: 10 } });
    expect(output).toHaveLength(2);
    expect(replicate.countRequests({ phase: 'submit' })).toBe(1);
    expect(replicate.countRequests({ phase: 'status' })).toBeGreaterThanOrEqual(1);
  });

  it('creates a prediction and waits for it', async () => {
    const created = await client.predictions.create({ model: 'google/veo-3', input: { prompt: 'x' } });
    expect(created.status).not.toBe('succeeded');
    const done = await client.wait(created, { interval: 10 });
    expect(done.status).toBe('succeeded');
    expect(done.metrics?.predict_time).toEqual(expect.any(Number));
  });

  it('reads the progress of the tqdm lines the fake prints', async () => {
    replicate.scriptNext({ runMs: 40, progressSteps: 3 });
    const created = await client.predictions.create({ model: 'google/veo-3', input: { prompt: 'x' }, wait: true });
    expect(parseProgressFromLogs(created)).toMatchObject({ percentage: 0.75, current: 75, total: 100 });
    expect(parseProgressFromLogs(tqdmLine(45))).toMatchObject({ percentage: 0.45 });
  });

  it('uploads a file', async () => {
    const file = await client.files.create(new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }), { purpose: 'test' });
    expect(file).toMatchObject({ size: 3, metadata: { purpose: 'test' }, content_type: 'image/png' });
    expect(replicate.uploads()).toHaveLength(1);
  });

  it('validates the fake server webhooks with validateWebhook', async () => {
    const receiver = await startWebhookReceiver();
    const { received, url: webhook } = receiver;
    try {
      await client.predictions.create({ model: 'google/veo-3', input: { prompt: 'x' }, webhook, webhook_events_filter: ['completed'], wait: true });
      await replicate.settleWebhooks();
      const { key } = await client.webhooks.default.secret.get();
      expect(received).toHaveLength(1);
      const delivery = received[0] as (typeof received)[number];
      const signed = {
        id: String(delivery.headers['webhook-id']),
        timestamp: String(delivery.headers['webhook-timestamp']),
        signature: String(delivery.headers['webhook-signature']),
        secret: key,
      };
      expect(await validateWebhook({ ...signed, body: delivery.body })).toBe(true);
      expect(await validateWebhook({ ...signed, body: delivery.body.replace('succeeded', 'failed') })).toBe(false);
    } finally {
      await receiver.close();
    }
  });
});
