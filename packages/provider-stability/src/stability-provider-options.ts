/** Stability's published limit, and the client-side limiter that keeps under it. */
export interface StabilityRateLimitOptions {
  /** Requests per window and API key (default 150). */
  readonly maxRequests?: number;
  /** The window in milliseconds (default 10 000). */
  readonly windowMs?: number;
  /** How long Stability refuses a key after a 429, and so the wait before a retry (default 60 000). */
  readonly timeoutMs?: number;
  /** Space requests out before sending so the limit is never hit (default true). */
  readonly limiter?: boolean;
}

/** Options of `stabilityProvider()`. */
export interface StabilityProviderOptions {
  /** API origin (default `https://api.stability.ai`); a config's `baseUrl` takes precedence. */
  readonly baseUrl?: string;
  readonly rateLimit?: StabilityRateLimitOptions;
  /**
   * Least time between two result polls of an image-to-video job (default 10 000: Stability
   * asks to poll at most every 10 s). A config's larger `pollIntervalMs` takes precedence.
   */
  readonly minVideoPollIntervalMs?: number;
}

/** {@link StabilityProviderOptions} with defaults applied. */
export interface ResolvedStabilityOptions {
  readonly baseUrl: string;
  readonly rateLimit: Required<StabilityRateLimitOptions>;
  readonly minVideoPollIntervalMs: number;
}

/** Stability's API origin. */
export const STABILITY_BASE_URL = 'https://api.stability.ai';

function positive(name: string, value: number, integer = false): number {
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new RangeError(`stabilityProvider: ${name} must be ${integer ? 'a positive integer' : 'a number > 0'}; got ${String(value)}`);
  }
  return value;
}

/** Applies defaults and checks the options, naming a bad one with its value. */
export function resolveStabilityOptions(options: StabilityProviderOptions): ResolvedStabilityOptions {
  const baseUrl = options.baseUrl ?? STABILITY_BASE_URL;
  if (!/^https?:\/\/[^/]/i.test(baseUrl)) throw new RangeError(`stabilityProvider: baseUrl must be an absolute http(s) URL; got ${JSON.stringify(baseUrl)}`);
  const limit = options.rateLimit ?? {};
  const minPoll = options.minVideoPollIntervalMs ?? 10_000;
  if (!Number.isFinite(minPoll) || minPoll < 0) throw new RangeError(`stabilityProvider: minVideoPollIntervalMs must be a number >= 0; got ${String(minPoll)}`);
  return {
    baseUrl,
    rateLimit: {
      maxRequests: positive('rateLimit.maxRequests', limit.maxRequests ?? 150, true),
      windowMs: positive('rateLimit.windowMs', limit.windowMs ?? 10_000),
      timeoutMs: positive('rateLimit.timeoutMs', limit.timeoutMs ?? 60_000),
      limiter: limit.limiter ?? true,
    },
    minVideoPollIntervalMs: minPoll,
  };
}
