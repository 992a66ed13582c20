import { ValidationError } from '../errors/validation-error';
import { createMockHandler } from '../mock/mock-handler';
import { summarizeForMock } from '../mock/mock-results';
import { seededRandom } from '../mock/seeded-random';
import type { PreparedRequest } from '../provider/prepared-request';
import type { ProviderRegistry } from '../registry/provider-registry';
import { readEnv } from '../runtime/read-env';
import { Redactor } from '../security/redactor';
import { generationConfigSchema, type GenerationConfig } from '../types/generation-config';
import type { ImageGenerationRequest } from '../types/image-generation-request';
import type { VideoGenerationRequest } from '../types/video-generation-request';
import { validateInput } from '../validation/validate-input';
import { resolveBackoff } from './backoff';
import { flattenChain, type ChainEntry } from './chain-entry';
import type { ModalitySpec } from './modality-spec';

/** A chain resolved, validated and mapped: nothing has been sent yet. */
export interface PreparedChain<TRequest, TResult> {
  readonly entries: readonly ChainEntry<TRequest, TResult>[];
  readonly prepared: readonly PreparedRequest[];
  readonly redactor: Redactor;
}

const SECRET_KEY = /token|secret|key|password|credential/i;

/** Every secret a chain knows: API keys and secret-looking provider settings. */
export function chainSecrets(configs: readonly GenerationConfig[], apiKeys: readonly (string | undefined)[]): Redactor {
  const secrets: (string | undefined)[] = [...apiKeys];
  for (const config of configs) {
    secrets.push(config.apiKey);
    for (const [key, value] of Object.entries(config.providerConfig ?? {})) {
      if (SECRET_KEY.test(key) && typeof value === 'string') secrets.push(value);
    }
  }
  return new Redactor(secrets);
}

/** Validates a config, naming the offending field under `config`. */
export function validateConfig(config: unknown): GenerationConfig {
  const c = (config ?? {}) as Partial<GenerationConfig>;
  const target = { provider: typeof c.provider === 'string' ? c.provider : 'unknown', model: typeof c.model === 'string' ? c.model : 'unknown' };
  const cycle = findFallbackCycle(config, 'config', new Set());
  if (cycle) {
    throw new ValidationError({
      ...target,
      context: 'Invalid config',
      issues: [{ field: cycle, message: 'refers back to a config that contains it; a fallback chain must be finite' }],
    });
  }
  return validateInput(generationConfigSchema, config, { ...target, context: 'Invalid config', root: 'config' });
}

/** The path of a fallback config that is one of its own ancestors (which would never end), if any. */
function findFallbackCycle(config: unknown, path: string, ancestors: Set<unknown>): string | undefined {
  if (config === null || typeof config !== 'object') return undefined;
  if (ancestors.has(config)) return path;
  const fallbacks = (config as { fallbackConfigs?: unknown }).fallbackConfigs;
  if (!Array.isArray(fallbacks)) return undefined;
  ancestors.add(config);
  for (const [index, fallback] of fallbacks.entries()) {
    const found = findFallbackCycle(fallback, `${path}.fallbackConfigs[${index}]`, ancestors);
    if (found) return found;
  }
  ancestors.delete(config);
  return undefined;
}

/**
 * Builds the chain entry for one config: the plugin and handler (mock-wrapped in mock mode),
 * the resolved API key and the defaults.
 */
export function resolveEntry<TRequest, TResult, TResponse>(
  spec: ModalitySpec<TRequest, TResult, TResponse>,
  registry: ProviderRegistry,
  config: GenerationConfig,
  attemptNumber: number,
  summary: ReturnType<typeof summarizeForMock>,
  forceMock = false,
): ChainEntry<TRequest, TResult> {
  const plugin = registry.get(config.provider, config.model);
  const real = spec.handlerOf(plugin);
  if (!real) {
    throw new ValidationError({
      provider: config.provider,
      model: config.model,
      issues: [{ field: 'config.provider', value: config.provider, message: `provider "${config.provider}" does not generate ${spec.modality === 'video' ? 'videos' : 'images'}` }],
    });
  }
  const mockConfig = config.mock?.enabled ? config.mock : forceMock ? { enabled: true } : undefined;
  const apiKey = config.apiKey ?? plugin.apiKeyEnvVars?.map(readEnv).find((v) => v !== undefined);
  const handler = mockConfig
    ? createMockHandler<TRequest, TResult>({
        real: real as never,
        mock: mockConfig,
        modality: spec.modality,
        random: mockConfig.seed !== undefined ? seededRandom(mockConfig.seed) : Math.random,
        summary,
        buildResult: spec.buildMockResult,
      })
    : real;
  return {
    attemptNumber,
    config,
    modality: spec.modality,
    plugin,
    handler,
    isMock: mockConfig !== undefined,
    apiKey,
    timeoutMs: config.timeoutMs ?? spec.defaultTimeoutMs,
    maxRetries: config.maxRetries ?? 2,
    pollIntervalMs: config.pollIntervalMs ?? spec.defaultPollIntervalMs,
    backoff: resolveBackoff(config.backoff),
  };
}

/** Fails when a real (non-mock) provider needs a key and none was configured or found. */
function requireApiKey(entry: ChainEntry<unknown, unknown>): void {
  const envVars = entry.plugin.apiKeyEnvVars ?? [];
  if (entry.isMock || entry.apiKey !== undefined || envVars.length === 0 || entry.plugin.authOptional?.(entry.config)) return;
  throw new ValidationError({
    provider: entry.config.provider,
    model: entry.config.model,
    context: `No API key for ${entry.config.provider} (config #${entry.attemptNumber} of the chain)`,
    issues: [{ field: 'config.apiKey', message: `set config.apiKey or the environment variable ${envVars.join(' / ')}` }],
  });
}

/**
 * Validates the config chain and the request, resolves every provider, and validates and maps
 * the request for every config of the chain, so that any invalid input fails before anything
 * is sent to any provider.
 */
export function prepareChain<TRequest, TResult, TResponse>(
  spec: ModalitySpec<TRequest, TResult, TResponse>,
  registry: ProviderRegistry,
  rawConfig: GenerationConfig,
  rawRequest: TRequest,
  options: { readonly requireJobs?: boolean } = {},
): PreparedChain<TRequest, TResult> & { readonly request: TRequest } {
  try {
    return prepareValidChain(spec, registry, rawConfig, rawRequest, options);
  } catch (error) {
    throw new Redactor(collectApiKeys(rawConfig)).redact(error);
  }
}

/** Every `apiKey` string anywhere in a (possibly invalid, possibly cyclic) config tree. */
export function collectApiKeys(config: unknown, out: string[] = [], seen: Set<unknown> = new Set()): string[] {
  if (config === null || typeof config !== 'object' || seen.has(config)) return out;
  seen.add(config);
  const c = config as { apiKey?: unknown; fallbackConfigs?: unknown };
  if (typeof c.apiKey === 'string') out.push(c.apiKey);
  if (Array.isArray(c.fallbackConfigs)) for (const f of c.fallbackConfigs) collectApiKeys(f, out, seen);
  return out;
}

function prepareValidChain<TRequest, TResult, TResponse>(
  spec: ModalitySpec<TRequest, TResult, TResponse>,
  registry: ProviderRegistry,
  rawConfig: GenerationConfig,
  rawRequest: TRequest,
  options: { readonly requireJobs?: boolean },
): PreparedChain<TRequest, TResult> & { readonly request: TRequest } {
  const config = validateConfig(rawConfig);
  const request = validateInput(spec.requestSchema, rawRequest, {
    provider: config.provider,
    model: config.model,
    context: `Invalid ${spec.modality} request`,
  });
  const summary = summarizeForMock(request as VideoGenerationRequest | ImageGenerationRequest);
  const entries = flattenChain(config).map((c, i) => resolveEntry(spec, registry, c, i + 1, summary));
  const redactor = chainSecrets(entries.map((e) => e.config), entries.map((e) => e.apiKey));
  try {
    for (const entry of entries) {
      requireApiKey(entry as ChainEntry<unknown, unknown>);
      if (options.requireJobs && !entry.handler.jobs) {
        throw new ValidationError({
          provider: entry.config.provider,
          model: entry.config.model,
          issues: [{ field: 'config.provider', value: entry.config.provider, message: `${entry.config.provider} has no job API for ${spec.modality}s (it answers in one call); use generate${spec.modality === 'video' ? 'Video' : 'Image'}` }],
        });
      }
    }
    const prepared = entries.map((entry) =>
      entry.handler.prepare(request, {
        provider: entry.config.provider,
        model: entry.config.model,
        modality: spec.modality,
        providerConfig: entry.config.providerConfig ?? {},
        ...(entry.config.baseUrl !== undefined ? { baseUrl: entry.config.baseUrl } : {}),
        ...(entry.config.webhookUrl !== undefined ? { webhookUrl: entry.config.webhookUrl } : {}),
        strict: entry.config.strict ?? false,
        ...withFieldMappers(registry.getFieldMapping(entry.config.provider, entry.config.model)),
      }),
    );
    return { entries, prepared, redactor, request };
  } catch (error) {
    throw redactor.redact(error);
  }
}

function withFieldMappers<T>(mappers: T | undefined): { fieldMappers?: T } {
  return mappers === undefined ? {} : { fieldMappers: mappers };
}
