import { safeParseWithMessages, ValidationError, zodIssuesToValidationIssues, type FetchFunction, type WebhookDelivery } from '@tarash/core';
import * as z from 'zod/mini';
import { deliveryBytes, deliveryHeader } from './webhook-delivery';

/** Where fal publishes its webhook signing keys (wire.md §1.7). */
export const DEFAULT_FAL_JWKS_URL = 'https://rest.alpha.fal.ai/.well-known/jwks.json';
/** Largest accepted difference between a delivery's timestamp and the clock, in seconds. */
export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300;
/** How long fetched signing keys are reused. */
export const DEFAULT_JWKS_CACHE_MS = 60 * 60 * 1000;
/** A signature that fails with keys at least this old triggers one refetch (key rotation). */
const JWKS_REFRESH_AFTER_FAILURE_MS = 60 * 1000;

/** How fal webhook deliveries are verified. */
export interface FalWebhookVerifierOptions {
  /** JWKS URL of fal's signing keys; default {@link DEFAULT_FAL_JWKS_URL}. */
  readonly jwksUrl?: string;
  /** Verify with these public keys (JWK, `kty: "OKP"`, `crv: "Ed25519"`) instead of fetching the JWKS. */
  readonly keys?: readonly JsonWebKey[];
  /** Largest accepted clock difference in seconds; default 300. */
  readonly toleranceSeconds?: number;
  /** How long fetched keys are reused, in ms; default one hour. */
  readonly jwksCacheMs?: number;
  /** `fetch` for the JWKS request. */
  readonly fetch?: FetchFunction;
  /** The clock in ms since the epoch (tests). */
  readonly now?: () => number;
}

const optionsSchema = z.strictObject({
  jwksUrl: z.optional(z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' })),
  keys: z.optional(z.array(z.looseObject({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: z.string().check(z.minLength(1)) }))),
  toleranceSeconds: z.optional(z.number().check(z.positive('must be > 0'))),
  jwksCacheMs: z.optional(z.number().check(z.nonnegative('must be >= 0'))),
  fetch: z.optional(z.custom<FetchFunction>((value) => typeof value === 'function', { message: 'must be a fetch function' })),
  now: z.optional(z.custom<() => number>((value) => typeof value === 'function', { message: 'must be a function returning ms since the epoch' })),
});

/** Checks verifier options, naming the offending field. */
export function parseWebhookVerifierOptions(input: unknown, root: string): FalWebhookVerifierOptions {
  const result = safeParseWithMessages(optionsSchema, input ?? {});
  if (result.success) return result.data as FalWebhookVerifierOptions;
  throw new ValidationError({
    provider: 'fal',
    model: '(webhooks)',
    context: 'Invalid fal webhook verification options',
    issues: zodIssuesToValidationIssues(result.error.issues, input, { root, knownKeys: Object.keys(optionsSchema.shape) }),
  });
}

const hex = (bytes: ArrayBuffer): string => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

function fromHex(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^(?:[0-9a-f]{2})+$/i.test(text)) return undefined;
  return new Uint8Array(text.match(/../g)?.map((pair) => Number.parseInt(pair, 16)) ?? []);
}

function importKey(jwk: JsonWebKey): Promise<CryptoKey> {
  // Only the key material: `alg`, `use` or `key_ops` variations must not make a key unusable.
  return crypto.subtle.importKey('jwk', { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, { name: 'Ed25519' }, false, ['verify']);
}

interface CachedKeys {
  readonly keys: readonly CryptoKey[];
  readonly fetchedAt: number;
}

/**
 * Verifies fal webhook deliveries with WebCrypto (no `node:` import; Ed25519 is in Node 20's
 * `crypto.subtle`): a hex Ed25519 signature (`X-Fal-Webhook-Signature`) over
 * `request_id \n user_id \n timestamp \n hex(sha256(body))` from the `X-Fal-Webhook-Request-Id`,
 * `-User-Id` and `-Timestamp` headers, checked with fal's JWKS keys (fetched and cached) or
 * the given keys, with the timestamp within a tolerance to refuse replays.
 */
export class FalWebhookVerifier {
  readonly #options: FalWebhookVerifierOptions;
  readonly #cache = new Map<string, CachedKeys>();

  constructor(options: FalWebhookVerifierOptions = {}) {
    this.#options = parseWebhookVerifierOptions(options, 'webhooks');
  }

  /** Resolves true when the delivery is signed by fal and fresh; false otherwise. Rejects only when the JWKS cannot be fetched. */
  async verify(delivery: WebhookDelivery, overrides: FalWebhookVerifierOptions = {}): Promise<boolean> {
    const options = { ...this.#options, ...parseWebhookVerifierOptions(overrides, 'options') };
    const requestId = deliveryHeader(delivery, 'x-fal-webhook-request-id');
    const userId = deliveryHeader(delivery, 'x-fal-webhook-user-id');
    const timestamp = deliveryHeader(delivery, 'x-fal-webhook-timestamp');
    const signature = fromHex(deliveryHeader(delivery, 'x-fal-webhook-signature') ?? '');
    if (requestId === undefined || userId === undefined || timestamp === undefined || !signature || !/^\d+$/.test(timestamp)) return false;
    const now = (options.now ?? Date.now)();
    if (Math.abs(now / 1000 - Number(timestamp)) > (options.toleranceSeconds ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS)) return false;
    const digest = hex(await crypto.subtle.digest('SHA-256', deliveryBytes(delivery) as Uint8Array<ArrayBuffer>));
    const message = new TextEncoder().encode([requestId, userId, timestamp, digest].join('\n'));
    const verifies = async (keys: readonly CryptoKey[]): Promise<boolean> => {
      for (const key of keys) if (await crypto.subtle.verify({ name: 'Ed25519' }, key, signature, message)) return true;
      return false;
    };
    if (options.keys) return verifies(await Promise.all(options.keys.map(importKey)));
    const url = options.jwksUrl ?? DEFAULT_FAL_JWKS_URL;
    const cached = await this.#jwks(url, options, now, false);
    if (await verifies(cached.keys)) return true;
    if (now - cached.fetchedAt < JWKS_REFRESH_AFTER_FAILURE_MS) return false;
    return verifies((await this.#jwks(url, options, now, true)).keys);
  }

  async #jwks(url: string, options: FalWebhookVerifierOptions, now: number, refresh: boolean): Promise<CachedKeys> {
    const cached = this.#cache.get(url);
    if (cached && !refresh && now - cached.fetchedAt < (options.jwksCacheMs ?? DEFAULT_JWKS_CACHE_MS)) return cached;
    const fetcher = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    const response = await fetcher(url, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`Could not fetch fal's webhook keys from ${url}: HTTP ${response.status}`);
    const body = (await response.json()) as { keys?: unknown };
    const jwks = Array.isArray(body.keys) ? (body.keys as JsonWebKey[]).filter((key) => key.kty === 'OKP' && key.crv === 'Ed25519' && typeof key.x === 'string') : [];
    if (jwks.length === 0) throw new Error(`fal's JWKS at ${url} holds no Ed25519 key`);
    const entry = { keys: await Promise.all(jwks.map(importKey)), fetchedAt: now };
    this.#cache.set(url, entry);
    return entry;
  }
}

let sharedVerifier: FalWebhookVerifier | undefined;

/**
 * Verifies one fal webhook delivery with a verifier shared by every call (so fal's JWKS is
 * fetched once and cached). Options apply to this call only.
 *
 * ```ts
 * if (!(await verifyFalWebhook({ headers: request.headers, body: rawBody }))) return new Response(null, { status: 401 });
 * ```
 */
export function verifyFalWebhook(delivery: WebhookDelivery, options: FalWebhookVerifierOptions = {}): Promise<boolean> {
  sharedVerifier ??= new FalWebhookVerifier();
  return sharedVerifier.verify(delivery, options);
}
