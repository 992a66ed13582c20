/** Stability's published rate limit, scaled as a test wishes. */
export interface StabilityRateLimit {
  /** Requests allowed per window and key (default 150). */
  readonly maxRequests?: number;
  /** The window in milliseconds (default 10 000). */
  readonly windowMs?: number;
  /** How long a key that passed the limit is refused (default 60 000). */
  readonly timeoutMs?: number;
  /**
   * Send `Retry-After` (whole seconds) with the 429. Stability documents none [C], so the
   * default is false; turn it on to check that a client honours one when it comes.
   */
  readonly sendRetryAfter?: boolean;
}

/** The verdict on one request. */
export type StabilityRateLimitVerdict = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterMs: number };

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`rateLimit.${name} must be a finite number > 0; got ${String(value)}.`);
  return value;
}

/**
 * Emulates Stability's limit per API key: more than `maxRequests` requests within `windowMs`
 * and the key is timed out for `timeoutMs`, during which every request is refused.
 */
export class StabilityRateLimiter {
  readonly maxRequests: number;
  readonly windowMs: number;
  readonly timeoutMs: number;
  readonly sendRetryAfter: boolean;
  readonly #recent = new Map<string, number[]>();
  readonly #timedOutUntil = new Map<string, number>();

  constructor(limit: StabilityRateLimit = {}) {
    this.maxRequests = positive('maxRequests', limit.maxRequests ?? 150);
    if (!Number.isInteger(this.maxRequests)) throw new RangeError(`rateLimit.maxRequests must be an integer; got ${String(limit.maxRequests)}.`);
    this.windowMs = positive('windowMs', limit.windowMs ?? 10_000);
    this.timeoutMs = positive('timeoutMs', limit.timeoutMs ?? 60_000);
    this.sendRetryAfter = limit.sendRetryAfter ?? false;
  }

  /** Counts a request of `key` at `now` and says whether it may proceed. */
  admit(key: string, now: number = Date.now()): StabilityRateLimitVerdict {
    const until = this.#timedOutUntil.get(key);
    if (until !== undefined && now < until) return { allowed: false, retryAfterMs: until - now };
    const recent = (this.#recent.get(key) ?? []).filter((at) => at > now - this.windowMs);
    recent.push(now);
    this.#recent.set(key, recent);
    if (recent.length <= this.maxRequests) return { allowed: true };
    this.#timedOutUntil.set(key, now + this.timeoutMs);
    this.#recent.set(key, []);
    return { allowed: false, retryAfterMs: this.timeoutMs };
  }

  /** The message Stability sends with the 429, for the configured numbers. */
  message(): string {
    const seconds = (ms: number) => String(ms / 1000);
    return `You have exceeded the rate limit of ${this.maxRequests} requests within a ${seconds(this.windowMs)} second period, and have been timed out for ${seconds(this.timeoutMs)} seconds.`;
  }
}
