import * as z from 'zod/mini';

/** The error kinds mock mode can inject; each behaves exactly like the real error in fallback. */
export const MOCK_ERROR_TYPES = [
  'ValidationError',
  'ContentModerationError',
  'GenerationFailedError',
  'TimeoutError',
  'HTTPError',
  'HTTPConnectionError',
] as const;

/** A declarative error for mock mode, e.g. `{ type: 'HTTPError', statusCode: 503 }`. */
export interface MockErrorSpec {
  readonly type: (typeof MOCK_ERROR_TYPES)[number];
  readonly message?: string;
  /** For `HTTPError`: the status code (decides `isRetryable` as for a real response). */
  readonly statusCode?: number;
  /** For `HTTPError` 429/503: the `Retry-After` the fake provider sends, in milliseconds. */
  readonly retryAfterMs?: number;
}

/** One weighted outcome of mock mode. */
export interface MockResponseSpec {
  /** Relative weight; outcomes are drawn from a seedable RNG in proportion to their weights. */
  readonly weight: number;
  /** Inject this error instead of a result (a spec, or any `Error` instance). */
  readonly error?: MockErrorSpec | Error;
  /** Fields merged over the realistic default response. */
  readonly response?: Readonly<Record<string, unknown>>;
  /** Simulated job duration in milliseconds (default 300). */
  readonly delayMs?: number;
}

/** Mock mode: the real validation and mapping, then a simulated provider. */
export interface MockConfig {
  readonly enabled: boolean;
  readonly responses?: readonly MockResponseSpec[];
  /** Seed for the outcome RNG; the same seed gives the same sequence of outcomes. */
  readonly seed?: number;
}

const mockErrorSpecSchema = z.strictObject({
  type: z.enum(MOCK_ERROR_TYPES),
  message: z.optional(z.string()),
  statusCode: z.optional(z.number().check(z.int(), z.gte(100), z.lte(599))),
  retryAfterMs: z.optional(z.number().check(z.nonnegative())),
});

/** Zod schema for {@link MockConfig}. */
export const mockConfigSchema = z.strictObject({
  enabled: z.boolean(),
  responses: z.optional(
    z
      .array(
        z.strictObject({
          // zod's number() already rejects Infinity (classic zod's .finite() is a no-op).
          weight: z.number().check(z.positive('must be a positive weight')),
          error: z.optional(z.union([mockErrorSpecSchema, z.instanceof(Error)])),
          response: z.optional(z.record(z.string(), z.unknown())),
          delayMs: z.optional(z.number().check(z.nonnegative())),
        }),
      )
      .check(z.minLength(1, 'must list at least one outcome')),
  ),
  seed: z.optional(z.number().check(z.int())),
}) satisfies z.ZodMiniType<MockConfig>;
