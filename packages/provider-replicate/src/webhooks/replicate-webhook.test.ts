import { ReplicateWebhookSigner, startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from '@tarash/testing/replicate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replicateProvider } from '../replicate-provider';
import { startReplicateFixture, type ReplicateFixture } from '../test-support/replicate-fixture';
import { parseReplicateWebhook, verifyReplicateWebhook } from './replicate-webhook';

let fx: ReplicateFixture;
let receiver: WebhookReceiver;
let received: readonly ReceivedWebhook[];
let webhookUrl: string;

beforeEach(async () => {
  fx = await startReplicateFixture();
  receiver = await startWebhookReceiver();
  received = receiver.received;
  webhookUrl = receiver.url;
});

afterEach(async () => {
  await fx.close();
  await receiver.close();
});

const asDelivery = (webhook: ReceivedWebhook) => ({ headers: webhook.headers as Record<string, string>, body: webhook.body });

describe('Replicate webhooks', () => {
  it('asks for the configured events and verifies and parses what the fake server signs', async () => {
    fx.server.scriptNext({ queueMs: 150, runMs: 20 });
    const config = fx.config('google/veo-3', { webhookUrl, providerConfig: { webhookEventsFilter: ['start', 'completed'] } });
    const response = await fx.gateway.generateVideo(config, { prompt: 'x' });
    await fx.server.settleWebhooks();
    expect(fx.server.requests({ phase: 'submit' })[0]?.body).toMatchObject({ webhook: webhookUrl, webhook_events_filter: ['start', 'completed'] });
    expect(received).toHaveLength(2);
    const secret = fx.server.webhookSigner.secret;
    const plugin = replicateProvider({ webhookSecret: secret });
    for (const webhook of received) expect(await plugin.webhooks?.verify(asDelivery(webhook))).toBe(true);
    const completed = plugin.webhooks?.parse(asDelivery(received[1] as ReceivedWebhook));
    expect(completed).toMatchObject({ requestId: response.requestId, snapshot: { status: 'completed', result: { video: response.video } } });
    expect(parseReplicateWebhook(asDelivery(received[0] as ReceivedWebhook)).snapshot.status).toBe('queued');
  });

  it('refuses tampered, stale, unsigned and wrongly keyed deliveries, and accepts any of several signatures', async () => {
    const signer = new ReplicateWebhookSigner();
    const body = JSON.stringify({ id: 'p1', status: 'succeeded', output: ['https://x.example/a.png'] });
    const now = Date.now();
    const headers = signer.headers(body, Math.floor(now / 1000), 'msg_1');
    const secret = signer.secret;
    expect(await verifyReplicateWebhook({ headers, body }, { secret, now })).toBe(true);
    expect(await verifyReplicateWebhook({ headers: new Headers(headers), body: new TextEncoder().encode(body) }, { secret, now })).toBe(true);
    expect(await verifyReplicateWebhook({ headers, body: body.replace('p1', 'p2') }, { secret, now })).toBe(false);
    expect(await verifyReplicateWebhook({ headers, body }, { secret, now: now + 301_000 })).toBe(false);
    expect(await verifyReplicateWebhook({ headers, body }, { secret, now: now + 301_000, toleranceSeconds: 600 })).toBe(true);
    expect(await verifyReplicateWebhook({ headers: { 'webhook-id': 'msg_1' }, body }, { secret, now })).toBe(false);
    expect(await verifyReplicateWebhook({ headers, body }, { secret: new ReplicateWebhookSigner().secret, now })).toBe(false);
    const rotated = { ...headers, 'webhook-signature': `v1,b2xkLXNpZ25hdHVyZQ== ${headers['webhook-signature'] as string}` };
    expect(await verifyReplicateWebhook({ headers: rotated, body }, { secret, now })).toBe(true);
    await expect(verifyReplicateWebhook({ headers, body }, { secret: 'not-a-secret', now })).rejects.toThrow(/whsec_/);
    expect(parseReplicateWebhook({ headers, body }).snapshot).toMatchObject({ status: 'completed', result: { images: ['https://x.example/a.png'] } });
  });
});
