import type { JobStatusSnapshot } from './job-status-snapshot';

/** An incoming webhook request, as the web framework received it. */
export interface WebhookDelivery {
  /** Request headers (names are matched case-insensitively). */
  readonly headers: Headers | Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The raw body, exactly as received (signatures cover the bytes). */
  readonly body: string | Uint8Array;
}

/** Optional webhook support of a provider plugin. */
export interface ProviderWebhookSupport {
  /** Check the delivery's signature; resolves false when it does not verify. */
  verify(delivery: WebhookDelivery, options?: Readonly<Record<string, unknown>>): Promise<boolean>;
  /** Read the job id and the status the delivery reports. */
  parse(delivery: WebhookDelivery): { readonly requestId: string; readonly snapshot: JobStatusSnapshot };
}
