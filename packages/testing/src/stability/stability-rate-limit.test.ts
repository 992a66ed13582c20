import { afterEach, describe, expect, it } from 'vitest';
import { StabilityRateLimiter } from './stability-rate-limit';
import { startStabilityServer, type StabilityFakeServer } from './stability-server';
import { postForm } from './test-requests';

describe('StabilityRateLimiter', () => {
  it('allows maxRequests per window, then refuses the key for the timeout', () => {
    const limiter = new StabilityRateLimiter({ maxRequests: 2, windowMs: 1000, timeoutMs: 5000 });
    expect(limiter.admit('a', 0)).toEqual({ allowed: true });
    expect(limiter.admit('a', 10)).toEqual({ allowed: true });
    expect(limiter.admit('b', 20)).toEqual({ allowed: true });
    expect(limiter.admit('a', 20)).toEqual({ allowed: false, retryAfterMs: 5000 });
    expect(limiter.admit('a', 4000)).toEqual({ allowed: false, retryAfterMs: 1020 });
    expect(limiter.admit('a', 5020)).toEqual({ allowed: true });
  });

  it('forgets requests older than the window', () => {
    const limiter = new StabilityRateLimiter({ maxRequests: 1, windowMs: 100 });
    expect(limiter.admit('a', 0).allowed).toBe(true);
    expect(limiter.admit('a', 100).allowed).toBe(true);
    expect(limiter.admit('a', 150).allowed).toBe(false);
  });

  it('writes the published message with the configured numbers', () => {
    expect(new StabilityRateLimiter().message()).toBe(
      'You have exceeded the rate limit of 150 requests within a 10 second period, and have been timed out for 60 seconds.',
    );
  });

  it('rejects bad settings naming the field', () => {
    expect(() => new StabilityRateLimiter({ maxRequests: 1.5 })).toThrow('rateLimit.maxRequests must be an integer; got 1.5.');
    expect(() => new StabilityRateLimiter({ windowMs: 0 })).toThrow('rateLimit.windowMs must be a finite number > 0; got 0.');
  });
});

describe('stability server rate limit', () => {
  let stability: StabilityFakeServer | undefined;

  afterEach(async () => {
    await stability?.close();
  });

  it('answers 429 rate_limit_exceeded past the limit, without Retry-After unless asked', async () => {
    stability = await startStabilityServer({ rateLimit: { maxRequests: 2, windowMs: 60_000, timeoutMs: 60_000 } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await postForm(stability, '/v2beta/stable-image/generate/core', { prompt: 'x' })).status);
    expect(statuses).toEqual([200, 200, 429, 429]);
    const refused = await postForm(stability, '/v2beta/stable-image/generate/core', { prompt: 'x' });
    expect(refused.headers.get('retry-after')).toBeNull();
    expect(await refused.json()).toMatchObject({
      name: 'rate_limit_exceeded',
      errors: ['You have exceeded the rate limit of 2 requests within a 60 second period, and have been timed out for 60 seconds.'],
    });
  });

  it('can send Retry-After in whole seconds', async () => {
    stability = await startStabilityServer({ rateLimit: { maxRequests: 1, windowMs: 60_000, timeoutMs: 1500, sendRetryAfter: true } });
    await postForm(stability, '/v2beta/stable-image/generate/core', { prompt: 'x' });
    const refused = await postForm(stability, '/v2beta/stable-image/generate/core', { prompt: 'x' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('2');
  });
});
