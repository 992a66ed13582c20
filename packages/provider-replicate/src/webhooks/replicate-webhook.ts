import { base64ToBytes, bytesToBase64, ValidationError, type JobStatusSnapshot, type ProviderWebhookSupport, type WebhookDelivery } from '@tarash/core';
import { isPrediction, type Prediction } from '../transport/prediction';
import { imageResult, outputUrls, videoResult } from '../transport/prediction-result';
import { mediaTypeOfUrl } from '../transport/media-type';
import { observePrediction } from '../transport/prediction-snapshot';

/** Options of {@link verifyReplicateWebhook}. */
export interface ReplicateWebhookVerifyOptions {
  /** The signing secret from `GET /v1/webhooks/default/secret` (`whsec_…`). */
  readonly secret: string;
  /** Largest accepted distance between the delivery's timestamp and now (default 300 s). */
  readonly toleranceSeconds?: number;
  /** The current time in ms (tests). */
  readonly now?: number;
}

const DEFAULT_TOLERANCE_SECONDS = 300;

function header(delivery: WebhookDelivery, name: string): string | undefined {
  const { headers } = delivery;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const entry = Object.entries(headers as Record<string, string | readonly string[] | undefined>).find(([key]) => key.toLowerCase() === name);
  const value = entry?.[1];
  return Array.isArray(value) ? value[0] : (value as string | undefined);
}

function bodyBytes(body: string | Uint8Array): Uint8Array {
  return typeof body === 'string' ? new TextEncoder().encode(body) : body;
}

/** Compares two strings in time independent of where they differ. */
function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index++) difference |= a.charCodeAt(index) ^ b.charCodeAt(index);
  return difference === 0;
}

/**
 * Checks a Replicate webhook (wire.md §2.6) with WebCrypto: the base64 HMAC-SHA256 of
 * `webhook-id.webhook-timestamp.body`, keyed with the secret after `whsec_`, must match one of
 * the space-separated `v1,<signature>` entries, and the timestamp must lie within the
 * tolerance (replayed deliveries fail). Resolves false for any unsigned, stale or tampered delivery.
 */
export async function verifyReplicateWebhook(delivery: WebhookDelivery, options: ReplicateWebhookVerifyOptions): Promise<boolean> {
  const key = /^whsec_([A-Za-z0-9+/=_-]+)$/.exec(options.secret)?.[1];
  if (key === undefined) {
    throw new ValidationError({ provider: 'replicate', model: 'webhook', issues: [{ field: 'secret', value: '[secret]', message: 'must be the "whsec_…" signing secret from GET /v1/webhooks/default/secret' }] });
  }
  const id = header(delivery, 'webhook-id');
  const timestamp = header(delivery, 'webhook-timestamp');
  const signatures = header(delivery, 'webhook-signature');
  if (!id || !timestamp || !signatures || !/^\d+$/.test(timestamp)) return false;
  const nowSeconds = (options.now ?? Date.now()) / 1000;
  if (Math.abs(nowSeconds - Number(timestamp)) > (options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) return false;
  const prefix = new TextEncoder().encode(`${id}.${timestamp}.`);
  const body = bodyBytes(delivery.body);
  const signed = new Uint8Array(prefix.byteLength + body.byteLength);
  signed.set(prefix);
  signed.set(body, prefix.byteLength);
  const cryptoKey = await crypto.subtle.importKey('raw', base64ToBytes(key) as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const expected = bytesToBase64(new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, signed)));
  return signatures
    .split(' ')
    .map((entry) => /^v1,(.+)$/.exec(entry)?.[1])
    .some((signature) => signature !== undefined && constantTimeEqual(signature, expected));
}

/**
 * Reads a webhook delivery (the prediction JSON) into the job id and a status snapshot with
 * every log line. A delivery carries no modality, so a success is a video result when its
 * output holds a video file and an image result otherwise.
 */
export function parseReplicateWebhook(delivery: WebhookDelivery): { readonly requestId: string; readonly snapshot: JobStatusSnapshot } {
  const text = typeof delivery.body === 'string' ? delivery.body : new TextDecoder().decode(delivery.body);
  let prediction: unknown;
  try {
    prediction = JSON.parse(text);
  } catch {
    prediction = undefined;
  }
  if (!isPrediction(prediction)) {
    throw new ValidationError({ provider: 'replicate', model: 'webhook', issues: [{ field: 'body', value: text.slice(0, 80), message: 'is not a Replicate prediction (JSON with id and status)' }] });
  }
  const isVideo = outputUrls(prediction.output).some((url) => mediaTypeOfUrl(url)?.startsWith('video/'));
  const toResult = (p: Prediction) => (isVideo ? videoResult(p) : imageResult(p));
  const { snapshot } = observePrediction(prediction, { provider: 'replicate', model: prediction.model ?? 'unknown' }, 0, toResult);
  return { requestId: prediction.id, snapshot };
}

/** The plugin's webhook support; `verify` takes `{ secret }` in its options, else the provider's `webhookSecret`. */
export function replicateWebhookSupport(defaultSecret: string | undefined): ProviderWebhookSupport {
  return {
    verify: (delivery, options = {}) => {
      const secret = typeof options.secret === 'string' ? options.secret : defaultSecret;
      const toleranceSeconds = typeof options.toleranceSeconds === 'number' ? options.toleranceSeconds : undefined;
      return verifyReplicateWebhook(delivery, { secret: secret ?? '', ...(toleranceSeconds !== undefined ? { toleranceSeconds } : {}) });
    },
    parse: parseReplicateWebhook,
  };
}
