import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { WebhookEvent } from './replicate-prediction';

/** One webhook POST the fake server made. */
export interface ReplicateWebhookDelivery {
  readonly predictionId: string;
  readonly event: WebhookEvent;
  readonly url: string;
  /** The exact body sent (the prediction JSON). */
  readonly body: string;
  /** The signature headers sent. */
  readonly headers: Readonly<Record<string, string>>;
  /** When it was sent, ms since the epoch. */
  readonly at: number;
  /** The receiver's HTTP status; undefined when the POST failed. */
  readonly status: number | undefined;
  readonly error: string | undefined;
}

/**
 * Signs webhooks like Replicate (wire.md §2.6, replicate-javascript `validateWebhook`):
 * `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, keyed with the
 * base64-decoded part of the `whsec_…` secret after the prefix.
 */
export class ReplicateWebhookSigner {
  /** The signing secret, as `GET /v1/webhooks/default/secret` returns it. */
  readonly secret: string;
  readonly #key: Buffer;

  constructor(secret: string = `whsec_${randomBytes(24).toString('base64')}`) {
    const match = /^whsec_([A-Za-z0-9+/=]+)$/.exec(secret);
    if (!match) throw new TypeError('A webhook secret must look like "whsec_<base64>".');
    this.secret = secret;
    this.#key = Buffer.from(match[1] as string, 'base64');
  }

  /** The base64 HMAC of one message. */
  signature(id: string, timestampSeconds: number, body: string): string {
    return createHmac('sha256', this.#key).update(`${id}.${timestampSeconds}.${body}`).digest('base64');
  }

  /** The three signature headers of a delivery. */
  headers(body: string, timestampSeconds: number = Math.floor(Date.now() / 1000), id: string = `msg_${randomUUID().replaceAll('-', '')}`): Record<string, string> {
    return {
      'webhook-id': id,
      'webhook-timestamp': String(timestampSeconds),
      'webhook-signature': `v1,${this.signature(id, timestampSeconds, body)}`,
    };
  }
}

/** POSTs one signed webhook; never throws (a failed delivery is recorded, as Replicate would retry it). */
export async function deliverReplicateWebhook(
  signer: ReplicateWebhookSigner,
  target: { readonly url: string; readonly predictionId: string; readonly event: WebhookEvent },
  body: string,
  timeoutMs: number,
): Promise<ReplicateWebhookDelivery> {
  const headers = signer.headers(body);
  const at = Date.now();
  const common = { predictionId: target.predictionId, event: target.event, url: target.url, body, headers, at };
  try {
    const response = await fetch(target.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Replicate-Webhooks/1.0 (fake)', ...headers },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.arrayBuffer();
    return { ...common, status: response.status, error: undefined };
  } catch (error) {
    return { ...common, status: undefined, error: (error as Error).message };
  }
}
