import { createHash, generateKeyPairSync, randomUUID, sign, type JsonWebKey, type KeyObject } from 'node:crypto';

/** A JSON Web Key Set, as served at `/.well-known/jwks.json`. */
export interface JsonWebKeySet {
  readonly keys: readonly JsonWebKey[];
}

/** One webhook POST the fake server made. */
export interface FalWebhookDelivery {
  readonly requestId: string;
  readonly url: string;
  /** The JSON body sent. */
  readonly body: Readonly<Record<string, unknown>>;
  /** When it was sent, ms since the epoch. */
  readonly at: number;
  /** The receiver's HTTP status; undefined when the POST failed. */
  readonly status: number | undefined;
  /** Why the POST failed (connection error, timeout). */
  readonly error: string | undefined;
}

/**
 * Signs webhooks the way fal does (several independent verifiers agree; fal's docs were not
 * read directly): an ED25519 signature, hex-encoded, over
 * `request_id \n user_id \n timestamp \n hex(sha256(body))`, with the public key in a JWKS.
 */
export class FalWebhookSigner {
  readonly userId: string;
  readonly keyId: string;
  readonly #privateKey: KeyObject;
  readonly #publicKey: KeyObject;

  constructor(userId: string) {
    this.userId = userId;
    this.keyId = randomUUID();
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    this.#privateKey = privateKey;
    this.#publicKey = publicKey;
  }

  /** The public key as a JWKS (`kty: OKP`, `crv: Ed25519`). */
  jwks(): JsonWebKeySet {
    return { keys: [{ ...this.#publicKey.export({ format: 'jwk' }), kid: this.keyId, use: 'sig', alg: 'EdDSA' }] };
  }

  /** The signature headers for a webhook body. */
  headers(requestId: string, body: string, timestampSeconds: number = Math.floor(Date.now() / 1000)): Record<string, string> {
    const timestamp = String(timestampSeconds);
    const bodyDigest = createHash('sha256').update(body).digest('hex');
    const message = [requestId, this.userId, timestamp, bodyDigest].join('\n');
    return {
      'x-fal-webhook-request-id': requestId,
      'x-fal-webhook-user-id': this.userId,
      'x-fal-webhook-timestamp': timestamp,
      'x-fal-webhook-signature': sign(null, Buffer.from(message), this.#privateKey).toString('hex'),
    };
  }
}

/** POSTs a signed webhook; never throws (a failed delivery is recorded, as fal would log it). */
export async function deliverFalWebhook(
  signer: FalWebhookSigner,
  url: string,
  requestId: string,
  body: Readonly<Record<string, unknown>>,
  timeoutMs: number,
): Promise<FalWebhookDelivery> {
  const text = JSON.stringify(body);
  const at = Date.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signer.headers(requestId, text) },
      body: text,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.arrayBuffer();
    return { requestId, url, body, at, status: response.status, error: undefined };
  } catch (error) {
    return { requestId, url, body, at, status: undefined, error: (error as Error).message };
  }
}
