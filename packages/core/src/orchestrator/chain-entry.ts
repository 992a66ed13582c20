import type { ProviderModalityHandler, ProviderPlugin } from '../provider/provider-plugin';
import type { GenerationConfig } from '../types/generation-config';
import type { Modality } from '../types/job-handle';
import type { BackoffPolicy } from './backoff';

/** One config of the flattened chain, resolved and prepared before anything is sent. */
export interface ChainEntry<TRequest, TResult> {
  /** 1-based position in the chain. */
  readonly attemptNumber: number;
  readonly config: GenerationConfig;
  readonly modality: Modality;
  readonly plugin: ProviderPlugin;
  /** The plugin's handler, or the mock handler wrapping its `prepare`. */
  readonly handler: ProviderModalityHandler<TRequest, TResult>;
  readonly isMock: boolean;
  readonly apiKey: string | undefined;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly pollIntervalMs: number;
  readonly backoff: BackoffPolicy;
}

/** Flattens a config and its fallbacks depth-first: the config, then each fallback's own chain in order. */
export function flattenChain(config: GenerationConfig): GenerationConfig[] {
  const { fallbackConfigs, ...own } = config;
  return [own, ...(fallbackConfigs ?? []).flatMap(flattenChain)];
}
