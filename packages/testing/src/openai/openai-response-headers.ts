import { randomBytes } from 'node:crypto';

/** Rate limits the fake reports (requests per minute and tokens per minute). */
export interface RateLimitBudget {
  readonly requests: number;
  readonly tokens: number;
}

/**
 * The headers OpenAI puts on every response: a request id, processing time, API version and
 * the `x-ratelimit-*` family (`reset` values are Go-style durations such as `"12ms"`, `"6m0s"`).
 * The remaining budgets count down per request and per token used, and refill each minute.
 */
export class OpenAIResponseHeaders {
  readonly #budget: RateLimitBudget;
  #windowStart = Date.now();
  #requests = 0;
  #tokens = 0;

  constructor(budget: RateLimitBudget = { requests: 5_000, tokens: 800_000 }) {
    this.#budget = budget;
  }

  /** A new `x-request-id` value (`req_` + 32 hex digits, as OpenAI's). */
  static newRequestId(): string {
    return `req_${randomBytes(16).toString('hex')}`;
  }

  /** Headers for one response. */
  next(requestId: string, startedAt: number, tokensUsed = 0): Record<string, string> {
    const now = Date.now();
    if (now - this.#windowStart >= 60_000) {
      this.#windowStart = now;
      this.#requests = 0;
      this.#tokens = 0;
    }
    this.#requests += 1;
    this.#tokens += tokensUsed;
    const resetMs = Math.max(0, 60_000 - (now - this.#windowStart));
    const reset = resetMs >= 1000 ? `${Math.floor(resetMs / 60_000)}m${Math.floor((resetMs % 60_000) / 1000)}s` : `${resetMs}ms`;
    return {
      'x-request-id': requestId,
      'openai-processing-ms': String(Math.max(1, now - startedAt)),
      'openai-version': '2020-10-01',
      'openai-organization': 'fake-org',
      'x-ratelimit-limit-requests': String(this.#budget.requests),
      'x-ratelimit-remaining-requests': String(Math.max(0, this.#budget.requests - this.#requests)),
      'x-ratelimit-reset-requests': reset,
      'x-ratelimit-limit-tokens': String(this.#budget.tokens),
      'x-ratelimit-remaining-tokens': String(Math.max(0, this.#budget.tokens - this.#tokens)),
      'x-ratelimit-reset-tokens': reset,
    };
  }
}
