import { createServer, type Server } from 'node:http';
import { ContentModerationError, type WebhookDelivery } from '@tarash/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { falProvider, FalWebhookVerifier, parseFalWebhook, verifyFalWebhook } from '../src/index';
import { useFalHarness } from './support/fal-harness';

const MODEL = 'fal-ai/veo3.1';

// Jobs complete at submit: the fake's webhook timer can fire a millisecond before a job with
// a run time completes, and then never sends (reported to the testing package).
const h = useFalHarness({ runMs: 0 });
let receiver: Server;
let receiverUrl = '';
const received: WebhookDelivery[] = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers as Record<string, string>, body: new Uint8Array(Buffer.concat(chunks)) });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/fal-webhook`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});
beforeEach(() => {
  received.length = 0;
});

/** Runs a job with a webhook and returns fal's delivery for it. */
async function deliveryOf(outcome: 'success' | 'moderation' = 'success'): Promise<{ delivery: WebhookDelivery; requestId: string }> {
  h.fal.scriptNext({ outcome });
  const started = await h.gateway.startVideo(h.config(MODEL, { webhookUrl: receiverUrl }), { prompt: 'A calm lake' });
  expect(h.fal.requests({ phase: 'submit' })[0]?.query).toEqual({ fal_webhook: receiverUrl });
  const isOurs = (d: WebhookDelivery) => JSON.parse(new TextDecoder().decode(d.body as Uint8Array)).request_id === started.requestId;
  // fal posts when the job completes; wait for it (the test timeout bounds the wait).
  while (!received.some(isOurs)) await new Promise((resolve) => setTimeout(resolve, 5));
  const delivery = received.find(isOurs) as WebhookDelivery;
  return { delivery, requestId: started.requestId };
}

async function foreignKey(): Promise<JsonWebKey> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  return crypto.subtle.exportKey('jwk', pair.publicKey);
}

describe('fal webhook signatures', () => {
  it('verifies a delivery against the JWKS, fetched once and cached', async () => {
    const { delivery } = await deliveryOf();
    const verifier = new FalWebhookVerifier({ jwksUrl: `${h.fal.url}/.well-known/jwks.json` });
    expect(await verifier.verify(delivery)).toBe(true);
    expect(await verifier.verify(delivery)).toBe(true);
    expect(h.fal.countRequests({ path: '/.well-known/jwks.json' })).toBe(1);
    expect(await verifyFalWebhook(delivery, { keys: h.fal.jwks().keys })).toBe(true);
    const plugin = falProvider({ webhooks: { jwksUrl: `${h.fal.url}/.well-known/jwks.json` } });
    expect(await plugin.webhooks?.verify(delivery)).toBe(true);
  });

  it('refuses a tampered body, a foreign key, a stale timestamp and missing headers', async () => {
    const { delivery } = await deliveryOf();
    const verifier = new FalWebhookVerifier({ keys: h.fal.jwks().keys });
    const text = new TextDecoder().decode(delivery.body as Uint8Array);
    expect(await verifier.verify({ ...delivery, body: text })).toBe(true);
    expect(await verifier.verify({ ...delivery, body: text.replace('"OK"', '"ERROR"') })).toBe(false);
    expect(await verifier.verify(delivery, { keys: [await foreignKey()] })).toBe(false);
    expect(await verifier.verify(delivery, { now: () => Date.now() + 10 * 60_000 })).toBe(false);
    expect(await verifier.verify(delivery, { now: () => Date.now() + 10 * 60_000, toleranceSeconds: 3600 })).toBe(true);
    const { 'x-fal-webhook-signature': _dropped, ...unsigned } = delivery.headers as Record<string, string>;
    expect(await verifier.verify({ ...delivery, headers: unsigned })).toBe(false);
  });
});

describe('fal webhook bodies', () => {
  it('an OK delivery is a completed snapshot with the normalised result', async () => {
    const { delivery, requestId } = await deliveryOf();
    const parsed = falProvider().webhooks?.parse(delivery);
    expect(parsed).toMatchObject({ requestId, snapshot: { status: 'completed', result: { requestId, video: `${h.fal.url}/media/${requestId}/video.mp4`, contentType: 'video/mp4' } } });
  });

  it('an ERROR delivery is a failed snapshot with the error a polled job would get', async () => {
    const { delivery, requestId } = await deliveryOf('moderation');
    const { snapshot } = parseFalWebhook(delivery, { endpointId: MODEL });
    expect(snapshot.status).toBe('failed');
    expect(snapshot.error).toBeInstanceOf(ContentModerationError);
    expect(snapshot.error).toMatchObject({ requestId, model: MODEL });
  });

  it('a body that is not a fal webhook is a ValidationError naming the field', () => {
    expect(() => parseFalWebhook({ headers: {}, body: '{"request_id":"r","status":"DONE"}' })).toThrow(/body\.status = "DONE"/);
  });
});
