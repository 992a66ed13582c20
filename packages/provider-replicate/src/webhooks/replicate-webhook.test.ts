import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ReplicateWebhookSigner } from '@tarash/testing/replicate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replicateProvider } from '../replicate-provider';
import { startReplicateFixture, type ReplicateFixture } from '../test-support/replicate-fixture';
import { parseReplicateWebhook, verifyReplicateWebhook } from './replicate-webhook';

let fx: ReplicateFixture;
let receiver: Server;
let received: { headers: IncomingHttpHeaders; body: string }[];
let webhookUrl: string;

beforeEach(async () => {
  fx = await startReplicateFixture();
  received = [];
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});

afterEach(async () => {
  await fx.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

const asDelivery = (webhook: { headers: IncomingHttpHeaders; body: string }) => ({ headers: webhook.headers as Record<string, string>, body: webhook.body });

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
    const completed = plugin.webhooks?.parse(asDelivery(received[1] as { headers: IncomingHttpHeaders; body: string }));
    expect(completed).toMatchObject({ requestId: response.requestId, snapshot: { status: 'completed', result: { video: response.video } } });
    expect(parseReplicateWebhook(asDelivery(received[0] as { headers: IncomingHttpHeaders; body: string })).snapshot.status).toBe('queued');
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
