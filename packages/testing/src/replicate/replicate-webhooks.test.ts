import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startReplicateServer, type ReplicateFakeServer } from './replicate-server';
import { callReplicate, createModelPrediction } from './replicate-test-http';
import { startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from './webhook-receiver';

let replicate: ReplicateFakeServer;
let receiver: WebhookReceiver;
let receiverUrl: string;
let received: readonly ReceivedWebhook[];

beforeEach(async () => {
  replicate = await startReplicateServer();
  receiver = await startWebhookReceiver();
  receiverUrl = receiver.url;
  received = receiver.received;
});

afterEach(async () => {
  await replicate.close();
  await receiver.close();
});

/** Checks a delivery as a receiver would, from the secret served by the API (wire.md §2.6). */
async function verify(webhook: ReceivedWebhook): Promise<boolean> {
  const { body } = await callReplicate(replicate, 'GET', '/webhooks/default/secret');
  const key = Buffer.from(String(body.key).slice('whsec_'.length), 'base64');
  const signed = `${String(webhook.headers['webhook-id'])}.${String(webhook.headers['webhook-timestamp'])}.${webhook.body}`;
  const expected = createHmac('sha256', key).update(signed).digest('base64');
  return String(webhook.headers['webhook-signature'])
    .split(' ')
    .some((entry) => entry === `v1,${expected}`);
}

describe('webhooks', () => {
  it('serves a whsec_ secret and signs each delivery with it', async () => {
    const { body } = await callReplicate(replicate, 'GET', '/webhooks/default/secret');
    expect(body.key).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    replicate.scriptNext({ queueMs: 200, runMs: 30 });
    await callReplicate(replicate, 'POST', '/models/google/veo-3/predictions', { input: { prompt: 'y' }, webhook: receiverUrl, webhook_events_filter: ['start', 'completed'] }, { prefer: 'wait' });
    await replicate.settleWebhooks();
    expect(received.map((webhook) => (JSON.parse(webhook.body) as { status: string }).status)).toEqual(['starting', 'succeeded']);
    expect(replicate.webhookDeliveries().map((delivery) => delivery.event)).toEqual(['start', 'completed']);
    for (const webhook of received) expect(await verify(webhook)).toBe(true);
    expect(await verify({ ...received[1]!, body: received[1]!.body.replace('succeeded', 'failed') })).toBe(false);
  });

  it('sends one end-of-prediction delivery by default, and the end of a cancel', async () => {
    await createModelPrediction(replicate, 'google/veo-3', { prompt: 'a' });
    await callReplicate(replicate, 'POST', '/models/google/veo-3/predictions', { input: { prompt: 'b' }, webhook: receiverUrl }, { prefer: 'wait' });
    replicate.scriptNext({ runMs: 10_000 });
    const long = await callReplicate(replicate, 'POST', '/models/google/veo-3/predictions', { input: { prompt: 'c' }, webhook: receiverUrl, webhook_events_filter: ['output'] });
    await callReplicate(replicate, 'POST', `/predictions/${String(long.body.id)}/cancel`);
    await replicate.settleWebhooks();
    // A cancelled prediction has no new output, so an output-only filter sends nothing for it.
    expect(replicate.webhookDeliveries().map((delivery) => [delivery.event, (JSON.parse(delivery.body) as { status: string }).status])).toEqual([['completed', 'succeeded']]);
  });

  it('sends logs webhooks while lines are printed when asked', async () => {
    replicate.scriptNext({ runMs: 600, logs: ['one', 'two', 'three'] });
    await callReplicate(replicate, 'POST', '/models/google/veo-3/predictions', { input: {}, webhook: receiverUrl, webhook_events_filter: ['logs', 'completed'] }, { prefer: 'wait' });
    await replicate.settleWebhooks();
    const deliveries = replicate.webhookDeliveries().map((delivery) => [delivery.event, (JSON.parse(delivery.body) as { status: string }).status]);
    expect(deliveries.at(-1)).toEqual(['completed', 'succeeded']);
    expect(deliveries.slice(0, -1)).toContainEqual(['logs', 'processing']);
    expect(deliveries.slice(0, -1).every(([event]) => event === 'logs')).toBe(true);
  });

  it('refuses a webhook that is not an absolute URL or an unknown event', async () => {
    const relative = await callReplicate(replicate, 'POST', '/models/google/veo-3/predictions', { input: {}, webhook: '/hook' });
    const unknown = await callReplicate(replicate, 'POST', '/models/google/veo-3/predictions', { input: {}, webhook: receiverUrl, webhook_events_filter: ['finished'] });
    expect([relative.status, unknown.status]).toEqual([422, 422]);
  });
});
