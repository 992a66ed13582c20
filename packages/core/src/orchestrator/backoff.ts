import type { BackoffConfig } from '../types/generation-config';

/** Resolved backoff settings. */
export interface BackoffPolicy {
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  readonly multiplier: number;
}

/** Default backoff between retries of one provider. */
export const DEFAULT_BACKOFF: BackoffPolicy = { initialDelayMs: 1000, maxDelayMs: 30_000, multiplier: 2 };

/** Fills in backoff defaults. */
export function resolveBackoff(config: BackoffConfig | undefined): BackoffPolicy {
  return {
    initialDelayMs: config?.initialDelayMs ?? DEFAULT_BACKOFF.initialDelayMs,
    maxDelayMs: config?.maxDelayMs ?? DEFAULT_BACKOFF.maxDelayMs,
    multiplier: config?.multiplier ?? DEFAULT_BACKOFF.multiplier,
  };
}

/**
 * Delay before retry number `retry` (0-based): exponential, capped, with "equal jitter" (half
 * fixed, half random) so that many clients retrying together spread out.
 */
export function backoffDelay(retry: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exponential = Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.multiplier ** retry);
  return exponential / 2 + random() * (exponential / 2);
}

/** Largest interval between two status polls, unless the configured first interval is larger. */
export const MAX_POLL_INTERVAL_MS = 10_000;

/** Interval before poll number `poll` (0-based): starts at `initialMs`, grows 1.5× per poll, bounded. */
export function pollDelay(poll: number, initialMs: number): number {
  return Math.min(Math.max(initialMs, MAX_POLL_INTERVAL_MS), initialMs * 1.5 ** poll);
}
