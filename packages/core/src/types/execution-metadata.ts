import * as z from 'zod/mini';

/** Outcome of one config of the chain. */
export type AttemptStatus = 'success' | 'failed' | 'skipped';

/** The audit record of one config of the fallback chain. */
export interface AttemptMetadata {
  readonly provider: string;
  readonly model: string;
  /** 1-based position of this config in the (depth-first flattened) chain. */
  readonly attemptNumber: number;
  /** ISO 8601 UTC start time. */
  readonly startedAt: string;
  /** ISO 8601 UTC end time. */
  readonly endedAt: string;
  readonly status: AttemptStatus;
  /** Error class name when the attempt failed, e.g. `HTTPError`. */
  readonly errorType?: string;
  /** Error message (never contains a secret). */
  readonly errorMessage?: string;
  readonly isRetryable?: boolean;
  /** Provider request / job id of the last job this attempt created. */
  readonly requestId?: string;
  /** Retries made against this provider (0 when the first try settled it). */
  readonly retries: number;
  readonly elapsedMs: number;
  /** Whether the provider job was cancelled after a timeout or abort (absent when no cancel was needed). */
  readonly cancelled?: boolean;
}

/** The audit trail of a whole generation, on success and on failure. */
export interface ExecutionMetadata {
  /** Configs that were actually tried. */
  readonly totalAttempts: number;
  /** `attemptNumber` of the config that succeeded, if any. */
  readonly successfulAttempt?: number;
  /** Whether a config other than the first was tried. */
  readonly fallbackTriggered: boolean;
  /** Number of configs in the flattened chain. */
  readonly configsInChain: number;
  readonly totalElapsedMs: number;
  readonly attempts: readonly AttemptMetadata[];
}

/** Zod schema for {@link AttemptMetadata}. */
export const attemptMetadataSchema = z.object({
  provider: z.string(),
  model: z.string(),
  attemptNumber: z.number().check(z.int(), z.positive()),
  startedAt: z.iso.datetime(),
  endedAt: z.iso.datetime(),
  status: z.enum(['success', 'failed', 'skipped']),
  errorType: z.optional(z.string()),
  errorMessage: z.optional(z.string()),
  isRetryable: z.optional(z.boolean()),
  requestId: z.optional(z.string()),
  retries: z.number().check(z.int(), z.nonnegative()),
  elapsedMs: z.number().check(z.nonnegative()),
  cancelled: z.optional(z.boolean()),
}) satisfies z.ZodMiniType<AttemptMetadata>;

/** Zod schema for {@link ExecutionMetadata}. */
export const executionMetadataSchema = z.object({
  totalAttempts: z.number().check(z.int(), z.nonnegative()),
  successfulAttempt: z.optional(z.number().check(z.int(), z.positive())),
  fallbackTriggered: z.boolean(),
  configsInChain: z.number().check(z.int(), z.positive()),
  totalElapsedMs: z.number().check(z.nonnegative()),
  attempts: z.array(attemptMetadataSchema),
}) satisfies z.ZodMiniType<ExecutionMetadata>;
