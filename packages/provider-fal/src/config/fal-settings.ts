import { safeParseWithMessages, ValidationError, zodIssuesToValidationIssues } from '@tarash/core';
import * as z from 'zod/mini';

/** fal's queue host (submit, status, stream, result, cancel). */
export const DEFAULT_FAL_QUEUE_URL = 'https://queue.fal.run';
/** fal's REST host (storage uploads). */
export const DEFAULT_FAL_REST_URL = 'https://rest.fal.ai';
/**
 * Media up to this size is sent inline as a `data:` URI (fal accepts them in every `*_url`
 * field); anything larger is uploaded to fal storage, so submit bodies stay small and a retried
 * status poll never re-sends megabytes.
 */
export const DEFAULT_INLINE_MEDIA_MAX_BYTES = 256 * 1024;
/** Uploads above this size use fal's multipart upload, as fal-js does above 90 MB. */
export const DEFAULT_MULTIPART_THRESHOLD_BYTES = 90 * 1024 * 1024;
/** Part size of multipart uploads (fal-js uses 10 MB parts). */
export const DEFAULT_MULTIPART_PART_BYTES = 10 * 1024 * 1024;
/** Bound on one submit / status / result / cancel / upload request (the SSE stream has its own idle bound). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;
/** fal sends a keep-alive comment every 15 s; three missed ones mean the stream is dead. */
export const DEFAULT_STREAM_IDLE_TIMEOUT_MS = 45_000;

/**
 * Settings of the fal provider. Each can be given to `falProvider(options)` (defaults for every
 * config) and overridden per config in `providerConfig`.
 */
export interface FalSettingsInput {
  /** Queue host, default `https://queue.fal.run`. `config.baseUrl` sets both hosts at once. */
  readonly queueUrl?: string;
  /** REST host for storage uploads, default `https://rest.fal.ai`. */
  readonly restUrl?: string;
  /** Largest media (bytes) sent inline as a data URI; larger media is uploaded. Default 256 KiB. */
  readonly inlineMediaMaxBytes?: number;
  /** Uploads above this size (bytes) use fal's multipart upload. Default 90 MiB. */
  readonly multipartThresholdBytes?: number;
  /** Part size (bytes) of multipart uploads. Default 10 MiB. */
  readonly multipartPartBytes?: number;
  /**
   * How completion is detected: `stream` (default) follows fal's SSE status stream and falls
   * back to polling when it is unavailable or keeps dropping; `poll` only polls.
   */
  readonly statusUpdates?: 'stream' | 'poll';
  /** Bound (ms) on one submit, status, result, cancel or upload request. Default 60 000. */
  readonly requestTimeoutMs?: number;
  /** A status stream silent for this long (ms) is treated as dropped. Default 45 000. */
  readonly streamIdleTimeoutMs?: number;
}

/** {@link FalSettingsInput} with every default applied. */
export interface FalSettings {
  readonly queueUrl: string;
  readonly restUrl: string;
  readonly inlineMediaMaxBytes: number;
  readonly multipartThresholdBytes: number;
  readonly multipartPartBytes: number;
  readonly statusUpdates: 'stream' | 'poll';
  readonly requestTimeoutMs: number;
  readonly streamIdleTimeoutMs: number;
}

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' });
const positiveInt = z.number().check(z.int('must be a whole number'), z.positive('must be > 0'));

/** Validates {@link FalSettingsInput}; unknown keys are errors so a typo never goes unnoticed. */
export const falSettingsSchema = z.strictObject({
  queueUrl: z.optional(httpUrl),
  restUrl: z.optional(httpUrl),
  inlineMediaMaxBytes: z.optional(z.number().check(z.int('must be a whole number'), z.nonnegative('must be >= 0'))),
  multipartThresholdBytes: z.optional(positiveInt),
  multipartPartBytes: z.optional(positiveInt),
  statusUpdates: z.optional(z.enum(['stream', 'poll'])),
  requestTimeoutMs: z.optional(positiveInt),
  streamIdleTimeoutMs: z.optional(positiveInt),
}) satisfies z.ZodMiniType<FalSettingsInput>;

/** Checks settings, naming the offending field under `root` (e.g. `config.providerConfig`). */
export function parseFalSettings(input: unknown, target: { readonly model: string; readonly root: string }): FalSettingsInput {
  const result = safeParseWithMessages(falSettingsSchema, input ?? {});
  if (result.success) return result.data;
  throw new ValidationError({
    provider: 'fal',
    model: target.model,
    context: `Invalid fal settings in ${target.root}`,
    issues: zodIssuesToValidationIssues(result.error.issues, input, { root: target.root, knownKeys: Object.keys(falSettingsSchema.shape) }),
  });
}

const withoutTrailingSlash = (url: string): string => url.replace(/\/+$/, '');

/**
 * The effective settings of one config: `providerConfig` first, then `config.baseUrl` (which
 * points both hosts at one origin, e.g. a proxy or a fake server), then the plugin's defaults.
 */
export function resolveFalSettings(
  defaults: FalSettingsInput,
  config: { readonly model: string; readonly baseUrl: string | undefined; readonly providerConfig: Readonly<Record<string, unknown>> },
): FalSettings {
  const own = parseFalSettings(config.providerConfig, { model: config.model, root: 'config.providerConfig' });
  const merged = { ...defaults, ...own };
  return {
    queueUrl: withoutTrailingSlash(own.queueUrl ?? config.baseUrl ?? defaults.queueUrl ?? DEFAULT_FAL_QUEUE_URL),
    restUrl: withoutTrailingSlash(own.restUrl ?? config.baseUrl ?? defaults.restUrl ?? DEFAULT_FAL_REST_URL),
    inlineMediaMaxBytes: merged.inlineMediaMaxBytes ?? DEFAULT_INLINE_MEDIA_MAX_BYTES,
    multipartThresholdBytes: merged.multipartThresholdBytes ?? DEFAULT_MULTIPART_THRESHOLD_BYTES,
    multipartPartBytes: merged.multipartPartBytes ?? DEFAULT_MULTIPART_PART_BYTES,
    statusUpdates: merged.statusUpdates ?? 'stream',
    requestTimeoutMs: merged.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    streamIdleTimeoutMs: merged.streamIdleTimeoutMs ?? DEFAULT_STREAM_IDLE_TIMEOUT_MS,
  };
}
