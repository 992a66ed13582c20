import { z } from 'zod';

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
  attemptNumber: z.number().int().positive(),
  startedAt: z.iso.datetime(),
  endedAt: z.iso.datetime(),
  status: z.enum(['success', 'failed', 'skipped']),
  errorType: z.string().optional(),
  errorMessage: z.string().optional(),
  isRetryable: z.boolean().optional(),
  requestId: z.string().optional(),
  retries: z.number().int().nonnegative(),
  elapsedMs: z.number().nonnegative(),
  cancelled: z.boolean().optional(),
}) satisfies z.ZodType<AttemptMetadata>;

/** Zod schema for {@link ExecutionMetadata}. */
export const executionMetadataSchema = z.object({
  totalAttempts: z.number().int().nonnegative(),
  successfulAttempt: z.number().int().positive().optional(),
  fallbackTriggered: z.boolean(),
  configsInChain: z.number().int().positive(),
  totalElapsedMs: z.number().nonnegative(),
  attempts: z.array(attemptMetadataSchema),
}) satisfies z.ZodType<ExecutionMetadata>;
