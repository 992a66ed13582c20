import { createHash, createPublicKey, verify, type JsonWebKey } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { falHeaders, submit } from '../test-support/fal-http';
import { startFalServer, type FalFakeServer } from './fal-server';

interface ReceivedWebhook {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

let fal: FalFakeServer;
let receiver: Server;
let receiverUrl: string;
let received: ReceivedWebhook[];

beforeEach(async () => {
  fal = await startFalServer({ webhookUserId: 'user-42' });
  received = [];
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});

afterEach(async () => {
  await fal.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

/** Verifies a webhook the way a receiver would: with the key from the server's JWKS. */
async function verifyWebhook(webhook: ReceivedWebhook): Promise<boolean> {
  const jwks = (await (await fetch(`${fal.url}/.well-known/jwks.json`)).json()) as { keys: JsonWebKey[] };
  const header = (name: string) => String(webhook.headers[name]);
  const message = [
    header('x-fal-webhook-request-id'),
    header('x-fal-webhook-user-id'),
    header('x-fal-webhook-timestamp'),
    createHash('sha256').update(webhook.body).digest('hex'),
  ].join('\n');
  return jwks.keys.some((key) => verify(null, Buffer.from(message), createPublicKey({ key, format: 'jwk' }), Buffer.from(header('x-fal-webhook-signature'), 'hex')));
}

describe('fal webhooks', () => {
  it('POSTs the result to fal_webhook when the job finishes, signed with the key in the JWKS', async () => {
    fal.scriptNext({ runMs: 20 });
    const { body } = await submit(fal, 'fal-ai/some-video', { prompt: 'x' }, { query: `fal_webhook=${encodeURIComponent(receiverUrl)}` });
    await expect.poll(() => received.length).toBe(1);
    const [webhook] = received as [ReceivedWebhook];
    expect(JSON.parse(webhook.body)).toEqual({
      request_id: body.request_id,
      gateway_request_id: body.gateway_request_id,
      status: 'OK',
      payload: { video: expect.objectContaining({ content_type: 'video/mp4' }) },
    });
    expect(webhook.headers['x-fal-webhook-request-id']).toBe(body.request_id);
    expect(webhook.headers['x-fal-webhook-user-id']).toBe('user-42');
    expect(Number(webhook.headers['x-fal-webhook-timestamp'])).toBeGreaterThan(1_600_000_000);
    expect(await verifyWebhook(webhook)).toBe(true);
    expect(await verifyWebhook({ ...webhook, body: webhook.body.replace('OK', 'KO') })).toBe(false);
    await fal.settleWebhooks();
    expect(fal.webhookDeliveries()).toEqual([expect.objectContaining({ requestId: body.request_id, url: receiverUrl, status: 200, error: undefined })]);
  });

  it('sends an ERROR webhook with the error payload for a failed or cancelled job', async () => {
    fal.scriptNext({ outcome: 'moderation' });
    fal.scriptNext({ queueMs: 60_000 });
    const query = `fal_webhook=${encodeURIComponent(receiverUrl)}`;
    const moderated = await submit(fal, 'fal-ai/x', { prompt: 'no' }, { query });
    const queued = await submit(fal, 'fal-ai/x', {}, { query });
    await fetch(queued.body.cancel_url, { method: 'PUT', headers: falHeaders });
    await expect.poll(() => received.length).toBe(2);
    const bodies = received.map((webhook) => JSON.parse(webhook.body) as Record<string, unknown>);
    expect(bodies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ request_id: moderated.body.request_id, status: 'ERROR', error: 'Invalid status code: 422', payload: { detail: [expect.objectContaining({ type: 'content_policy_violation' })] } }),
        expect.objectContaining({ request_id: queued.body.request_id, status: 'ERROR', error: 'Invalid status code: 499' }),
      ]),
    );
  });
});
