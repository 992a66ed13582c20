import * as z from 'zod/mini';
import { mockConfigSchema, type MockConfig } from './mock-config';

/** The platform `fetch` signature; inject one for tests, proxies or instrumentation. */
export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Exponential backoff between retries of one provider (`Retry-After` takes precedence). */
export interface BackoffConfig {
  /** First delay in milliseconds (default 1000). */
  readonly initialDelayMs?: number;
  /** Largest delay in milliseconds (default 30 000). */
  readonly maxDelayMs?: number;
  /** Growth factor per retry (default 2). */
  readonly multiplier?: number;
}

/**
 * Which provider and model to use, and how. Video and image configs share this shape.
 * `fallbackConfigs` form a chain tried depth-first when this config fails with a retryable error.
 */
export interface GenerationConfig<P extends string = string, M extends string = string> {
  /** Registered provider name: `fal`, `openai`, `replicate`, `google`, `stability` or a custom one. */
  readonly provider: P;
  /** The provider's model or endpoint id, e.g. `fal-ai/veo3.1` (autocompleted for typed providers). */
  readonly model: M;
  /** API key; defaults to the provider's usual environment variable (e.g. `FAL_KEY`). */
  readonly apiKey?: string;
  /** Override the provider's API base URL (proxies, fake servers). */
  readonly baseUrl?: string;
  /** Deadline for this provider's whole job, retries included (default 600 000 video, 120 000 image). */
  readonly timeoutMs?: number;
  /** First status-poll interval for providers that poll (grows with backoff, bounded). */
  readonly pollIntervalMs?: number;
  /** Retries of this provider before moving on (default 2). */
  readonly maxRetries?: number;
  /** Backoff between retries. */
  readonly backoff?: BackoffConfig;
  /** Mock mode: real validation and mapping, simulated provider. */
  readonly mock?: MockConfig;
  /** Configs tried in order, depth-first, when this one fails with a retryable error. */
  readonly fallbackConfigs?: readonly GenerationConfig[];
  /** Provider-specific settings (e.g. Vertex AI project and location, Azure deployment). */
  readonly providerConfig?: Readonly<Record<string, unknown>>;
  /** Ask the provider to call this URL when the job finishes (where supported). */
  readonly webhookUrl?: string;
  /** `fetch` implementation to use for every request of this config. */
  readonly fetch?: FetchFunction;
  /** Turn "parameter not used by this model" warnings into `ValidationError`s. */
  readonly strict?: boolean;
}

/** Config for video generation. */
export type VideoGenerationConfig<P extends string = string, M extends string = string> = GenerationConfig<P, M>;
/** Config for image generation. */
export type ImageGenerationConfig<P extends string = string, M extends string = string> = GenerationConfig<P, M>;

/** Zod schema for {@link GenerationConfig}. */
export const generationConfigSchema: z.ZodMiniType<GenerationConfig> = z.lazy(() =>
  z.strictObject({
    provider: z.string().check(z.minLength(1, 'must name a registered provider')),
    model: z.string().check(z.minLength(1, 'must name a model')),
    apiKey: z.optional(z.string().check(z.minLength(1, 'must not be empty when given'))),
    baseUrl: z.optional(z.url('must be an absolute URL')),
    timeoutMs: z.optional(z.number().check(z.int(), z.positive('must be a positive number of milliseconds'))),
    pollIntervalMs: z.optional(z.number().check(z.int(), z.positive())),
    maxRetries: z.optional(z.number().check(z.int(), z.gte(0), z.lte(20))),
    backoff: z.optional(
      z.strictObject({
        initialDelayMs: z.optional(z.number().check(z.nonnegative())),
        maxDelayMs: z.optional(z.number().check(z.nonnegative())),
        multiplier: z.optional(z.number().check(z.gte(1))),
      }),
    ),
    mock: z.optional(mockConfigSchema),
    fallbackConfigs: z.optional(z.array(generationConfigSchema)),
    providerConfig: z.optional(z.record(z.string(), z.unknown())),
    webhookUrl: z.optional(z.url('must be an absolute URL')),
    fetch: z.optional(z.custom<FetchFunction>((f) => typeof f === 'function', { message: 'must be a fetch function' })),
    strict: z.optional(z.boolean()),
  }),
);
