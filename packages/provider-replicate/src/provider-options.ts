import { ValidationError } from '@tarash/core';
import type { ReplicateTransportOptions } from './transport/replicate-jobs';

/** Options of {@link replicateProvider}. */
export interface ReplicateProviderOptions {
  /** API base (default `https://api.replicate.com/v1`); a config's `baseUrl` wins over it. */
  readonly baseUrl?: string;
  /**
   * Seconds a create holds the connection for the result (`Prefer: wait=N`, 1..60, default 60;
   * always capped by the time left before the deadline), or `false` to return at once and poll.
   */
  readonly preferWaitSeconds?: number | false;
  /** Media inputs up to this size are sent inline as data URIs; larger ones are uploaded (default 256 KB, Replicate's advice). */
  readonly inlineMediaMaxBytes?: number;
  /** The `whsec_…` secret `webhooks.verify` uses when the call passes none. */
  readonly webhookSecret?: string;
}

const DEFAULT_INLINE_MEDIA_MAX_BYTES = 256 * 1024;

function invalid(field: string, value: unknown, message: string): never {
  throw new ValidationError({ provider: 'replicate', model: '(provider options)', context: 'Invalid replicateProvider options', issues: [{ field, value, message }] });
}

/** Checks the options and fills in the defaults. */
export function resolveProviderOptions(options: ReplicateProviderOptions): ReplicateTransportOptions & { readonly webhookSecret: string | undefined } {
  const { baseUrl, preferWaitSeconds = 60, inlineMediaMaxBytes = DEFAULT_INLINE_MEDIA_MAX_BYTES, webhookSecret } = options;
  if (baseUrl !== undefined && !/^https?:\/\/[^/]/.test(baseUrl)) invalid('baseUrl', baseUrl, 'must be an absolute http(s) URL');
  if (preferWaitSeconds !== false && !(Number.isInteger(preferWaitSeconds) && preferWaitSeconds >= 1 && preferWaitSeconds <= 60)) {
    invalid('preferWaitSeconds', preferWaitSeconds, 'must be whole seconds from 1 to 60, or false');
  }
  if (!(Number.isInteger(inlineMediaMaxBytes) && inlineMediaMaxBytes >= 0)) invalid('inlineMediaMaxBytes', inlineMediaMaxBytes, 'must be a whole number of bytes >= 0');
  return { baseUrl, preferWaitSeconds, inlineMediaMaxBytes, webhookSecret };
}
