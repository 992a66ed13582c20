import { sendProviderRequest, sleep, TimeoutError, ValidationError, type CallContext, type ErrorPhase } from '@tarash/core';
import type { ResolvedStabilityOptions } from '../stability-provider-options';
import { readStabilityProviderConfig } from '../stability-provider-config';
import { NoSlotBeforeDeadline, RequestRateLimiter, type RateLimitPermit } from './request-rate-limiter';
import { stabilityHttpError, type StabilityErrorContext } from './stability-error';

/** One HTTP call to Stability. */
export interface StabilityCall {
  readonly method: 'GET' | 'POST';
  /** A path under the base URL (`/v2beta/…`), or an absolute URL from a job handle. */
  readonly target: string;
  readonly accept: string;
  readonly body?: FormData;
  readonly phase: ErrorPhase;
  readonly requestId?: string;
  /** Statuses returned instead of thrown (202 while a video runs, 403 of a moderated one). */
  readonly acceptStatus?: (status: number) => boolean;
  /** What a 404 means here (a retired endpoint, an unknown job). */
  readonly notFound?: StabilityErrorContext['notFound'];
}

/**
 * Stability's HTTP transport: Bearer auth, the optional client headers, the client-side rate
 * limiter (every call waits for its permit and releases it once answered) and the error envelope mapping. A 429 blocks the
 * key in the limiter for the published timeout, so concurrent calls wait instead of piling on.
 */
export class StabilityTransport {
  readonly #options: ResolvedStabilityOptions;
  readonly #limiter: RequestRateLimiter | undefined;

  constructor(options: ResolvedStabilityOptions) {
    this.#options = options;
    this.#limiter = options.rateLimit.limiter ? new RequestRateLimiter(options.rateLimit, { now: Date.now, sleep }) : undefined;
  }

  /** The absolute URL of a path: the config's `baseUrl`, else the provider's. */
  url(context: CallContext, path: string): string {
    return `${(context.baseUrl ?? this.#options.baseUrl).replace(/\/+$/, '')}${path}`;
  }

  async send(context: CallContext, call: StabilityCall): Promise<Response> {
    const apiKey = context.apiKey;
    if (apiKey === undefined) {
      throw new ValidationError({ provider: context.provider, model: context.model, issues: [{ field: 'config.apiKey', message: 'set config.apiKey or STABILITY_API_KEY' }] });
    }
    const { clientHeaders } = readStabilityProviderConfig(context.providerConfig, context);
    const permit = await this.#permit(apiKey, context, call.phase);
    const url = /^https?:\/\//i.test(call.target) ? call.target : this.url(context, call.target);
    const timeoutMs = this.#options.rateLimit.timeoutMs;
    try {
      return await sendProviderRequest(context, {
        method: call.method,
        url,
        headers: { authorization: `Bearer ${apiKey}`, accept: call.accept, ...clientHeaders },
        ...(call.body ? { body: call.body } : {}),
        phase: call.phase,
        ...(call.requestId !== undefined ? { requestId: call.requestId } : {}),
        ...(call.acceptStatus ? { acceptStatus: call.acceptStatus } : {}),
        toError: (failure) => {
          const error = stabilityHttpError(failure, { rateLimitTimeoutMs: timeoutMs, ...(call.notFound ? { notFound: call.notFound } : {}) });
          if (failure.status === 429) this.#limiter?.block(apiKey, Date.now() + (failure.retryAfterMs ?? timeoutMs));
          return error;
        },
      });
    } finally {
      permit?.release();
    }
  }

  /** Waits for the limiter's permit; a slot known to come after the deadline fails at once (retryable: the chain may move on). */
  async #permit(apiKey: string, context: CallContext, phase: ErrorPhase): Promise<RateLimitPermit | undefined> {
    if (!this.#limiter) return undefined;
    try {
      return await this.#limiter.acquire(apiKey, context.deadline, context.signal);
    } catch (error) {
      if (!(error instanceof NoSlotBeforeDeadline)) throw error;
      const { maxRequests, windowMs } = this.#limiter.policy;
      throw new TimeoutError({
        provider: context.provider,
        model: context.model,
        phase,
        timeoutMs: Math.max(0, context.deadline - Date.now()),
        message: `${context.provider}: the client-side rate limiter (${maxRequests} requests per ${windowMs} ms, or a 429 timeout) has no slot before the deadline; nothing was sent`,
      });
    }
  }
}
