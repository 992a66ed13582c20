import type { FieldMappers } from '../mapping/field-mapper';
import type { Logger } from '../runtime/logger';
import type { FetchFunction, GenerationConfig } from '../types/generation-config';
import type { Modality } from '../types/job-handle';

/** What a provider's pure `prepare` step may read. */
export interface PrepareContext {
  readonly provider: string;
  readonly model: string;
  readonly modality: Modality;
  /** Provider-specific settings from the config. */
  readonly providerConfig: Readonly<Record<string, unknown>>;
  /** Base URL override from the config (lets `prepare` reject an incomplete endpoint setup early). */
  readonly baseUrl?: string;
  /** Webhook URL from the config (lets `prepare` reject a webhook the provider cannot call). */
  readonly webhookUrl?: string;
  /** Unused-parameter warnings become `ValidationError`s. */
  readonly strict: boolean;
  /**
   * Field mappers registered with `registerProviderFieldMapping` for this provider and model;
   * when present they replace the provider's built-in mapping.
   */
  readonly fieldMappers?: FieldMappers;
}

/** Everything a provider's transport needs for one call. */
export interface CallContext {
  readonly provider: string;
  readonly model: string;
  readonly modality: Modality;
  /** The resolved API key (config or environment); never log it. */
  readonly apiKey: string | undefined;
  /** Base URL override from the config. */
  readonly baseUrl: string | undefined;
  readonly providerConfig: Readonly<Record<string, unknown>>;
  readonly webhookUrl: string | undefined;
  /** First poll interval for polling providers. */
  readonly pollIntervalMs: number;
  readonly fetch: FetchFunction;
  /** Aborts on deadline, caller abort, or when the orchestrator gives up on this call. */
  readonly signal: AbortSignal;
  /** Epoch milliseconds after which the job is out of time. */
  readonly deadline: number;
  readonly logger: Logger;
  /**
   * Tells the SDK about a secret obtained during the call (e.g. an OAuth access token from a
   * token function), so that errors, logs and metadata redact it like the API key.
   */
  registerSecret(secret: string): void;
  /** The full config, for custom handlers. */
  readonly config: GenerationConfig;
}
