import { TarashError } from '../errors/tarash-error';
import { ValidationError } from '../errors/validation-error';
import type { FieldMappers } from '../mapping/field-mapper';
import type { CustomProviderHandler } from '../provider/custom-provider-handler';
import type { CancelOutcome, JobState, JobStatusSnapshot, StartedJob } from '../provider/job-status-snapshot';
import type { PreparedRequest } from '../provider/prepared-request';
import type { ProviderPlugin } from '../provider/provider-plugin';
import type { ProviderImageResult, ProviderVideoResult } from '../provider/provider-result';
import { ProviderRegistry } from '../registry/provider-registry';
import type { Logger } from '../runtime/logger';
import { Redactor } from '../security/redactor';
import type { ExecutionMetadata } from '../types/execution-metadata';
import type { ExtraParamsFor, ModelId } from '../types/provider-model-registry';
import type { GenerationConfig } from '../types/generation-config';
import type { ImageGenerationResponse, VideoGenerationResponse } from '../types/generation-response';
import type { ImageGenerationRequest } from '../types/image-generation-request';
import { jobHandleSchema, type JobHandle } from '../types/job-handle';
import type { ProgressUpdate } from '../types/progress-update';
import type { VideoGenerationRequest } from '../types/video-generation-request';
import { validateInput } from '../validation/validate-input';
import { AttemptScope } from './attempt-scope';
import { flattenChain, type ChainEntry } from './chain-entry';
import type { GenerationOptions, ProgressCallback } from './generation-options';
import { IMAGE, VIDEO, specOf, type ModalitySpec } from './modality-spec';
import { chainSecrets, collectApiKeys, prepareChain, resolveEntry, validateConfig } from './prepare-chain';
import { progressStream } from './progress-stream';
import { callContext, runAttempt, toTarashError } from './run-attempt';
import { attachMetadata, runChain } from './run-chain';

/** A job the provider accepted, as returned by `startVideo` / `startImage`. */
export interface StartedGeneration {
  /** Plain JSON: store it and pass it to `resumeVideo`, `getJobStatus` or `cancelJob`, from any process. */
  readonly handle: JobHandle;
  readonly requestId: string;
  readonly provider: string;
  readonly model: string;
  readonly warnings: readonly string[];
  readonly executionMetadata: ExecutionMetadata;
}

/** One look at a job, from `getJobStatus`. */
export interface JobStatusReport {
  readonly requestId: string;
  readonly provider: string;
  readonly model: string;
  readonly status: JobState;
  readonly progressPercent?: number;
  readonly queuePosition?: number;
  readonly logs?: readonly string[];
  /** Why the job failed, when `status` is `failed` or `cancelled`. */
  readonly error?: TarashError;
}

/** Options of {@link createGateway}. */
export interface GatewayOptions {
  /** Provider plugins to register in the gateway's private registry. */
  readonly providers?: readonly ProviderPlugin[];
}

/** The SDK's functions, bound to one provider registry. */
export interface Gateway {
  /** Generates a video through the config chain; resolves when the video is ready. */
  generateVideo<P extends string, M extends ModelId<P>>(
    config: GenerationConfig<P, M>,
    request: VideoGenerationRequest<ExtraParamsFor<P, M>>,
    options?: GenerationOptions<VideoGenerationResponse>,
  ): Promise<VideoGenerationResponse>;
  /** Generates images through the config chain. */
  generateImage<P extends string, M extends ModelId<P>>(
    config: GenerationConfig<P, M>,
    request: ImageGenerationRequest<ExtraParamsFor<P, M>>,
    options?: GenerationOptions<ImageGenerationResponse>,
  ): Promise<ImageGenerationResponse>;
  /** `generateVideo` as an async iterable of progress; the last update carries `result`. Breaking out cancels the job. */
  streamVideo<P extends string, M extends ModelId<P>>(
    config: GenerationConfig<P, M>,
    request: VideoGenerationRequest<ExtraParamsFor<P, M>>,
    options?: Omit<GenerationOptions, 'onProgress'>,
  ): AsyncIterable<ProgressUpdate<VideoGenerationResponse>>;
  /** `generateImage` as an async iterable of progress. */
  streamImage<P extends string, M extends ModelId<P>>(
    config: GenerationConfig<P, M>,
    request: ImageGenerationRequest<ExtraParamsFor<P, M>>,
    options?: Omit<GenerationOptions, 'onProgress'>,
  ): AsyncIterable<ProgressUpdate<ImageGenerationResponse>>;
  /** Submits a video job (through the chain's submits) and returns its JSON handle as soon as a provider accepts it. */
  startVideo<P extends string, M extends ModelId<P>>(
    config: GenerationConfig<P, M>,
    request: VideoGenerationRequest<ExtraParamsFor<P, M>>,
    options?: GenerationOptions,
  ): Promise<StartedGeneration>;
  /** Submits an image job and returns its handle. */
  startImage<P extends string, M extends ModelId<P>>(
    config: GenerationConfig<P, M>,
    request: ImageGenerationRequest<ExtraParamsFor<P, M>>,
    options?: GenerationOptions,
  ): Promise<StartedGeneration>;
  /** Waits for a started video job, from any process. The job is never resubmitted. */
  resumeVideo(config: GenerationConfig, handle: JobHandle, options?: GenerationOptions<VideoGenerationResponse>): Promise<VideoGenerationResponse>;
  /** Waits for a started image job. */
  resumeImage(config: GenerationConfig, handle: JobHandle, options?: GenerationOptions<ImageGenerationResponse>): Promise<ImageGenerationResponse>;
  /** Checks a job once. */
  getJobStatus(config: GenerationConfig, handle: JobHandle, options?: Pick<GenerationOptions, 'signal' | 'logger'>): Promise<JobStatusReport>;
  /** Cancels a job at the provider. */
  cancelJob(config: GenerationConfig, handle: JobHandle, options?: Pick<GenerationOptions, 'logger'>): Promise<CancelOutcome>;
  /** Registers a provider plugin, or a simple custom handler under a name. */
  registerProvider(plugin: ProviderPlugin): void;
  registerProvider(name: string, handler: CustomProviderHandler): void;
  /** Adds or replaces the field mapping of one model. */
  registerProviderFieldMapping(provider: string, model: string, mappers: FieldMappers): void;
  /** The gateway's registry. */
  readonly registry: ProviderRegistry;
}

type ResultBase = { readonly requestId: string; readonly warnings?: readonly string[] };

function toResponse<TResponse>(value: ResultBase, entry: ChainEntry<unknown, unknown>, warnings: readonly string[], metadata: ExecutionMetadata): TResponse {
  return {
    ...value,
    status: 'completed',
    isMock: entry.isMock,
    warnings: [...warnings, ...(value.warnings ?? [])],
    executionMetadata: metadata,
  } as unknown as TResponse;
}

/** The caller's logger behind redaction; undefined without one, so that no log event is even built. */
function redactingLogger(logger: Logger | undefined, redactor: Redactor): Logger | undefined {
  return logger && ((event) => logger(redactor.redact(event)));
}

/** Metadata for an error raised before any provider was tried. */
function emptyMetadata(config: unknown, started: number): ExecutionMetadata {
  let configsInChain = 1;
  try {
    configsInChain = flattenChain(config as GenerationConfig).length;
  } catch {
    configsInChain = 1;
  }
  return { totalAttempts: 0, fallbackTriggered: false, configsInChain, totalElapsedMs: Date.now() - started, attempts: [] };
}

/** An error leaving a generation or a start: one raised before any provider was tried gets empty metadata. */
function withEarlyMetadata(error: unknown, config: unknown, started: number): unknown {
  if (error instanceof TarashError && error.executionMetadata === undefined) attachMetadata(error, emptyMetadata(config, started));
  return error;
}

/**
 * Creates the SDK's functions bound to a private registry: no global state, for libraries and
 * tests. The top-level exports of `@tarash/core` are one such gateway over the global registry.
 */
export function createGateway(options: GatewayOptions = {}): Gateway {
  const registry = new ProviderRegistry();
  for (const plugin of options.providers ?? []) registry.register(plugin);

  async function generate<TRequest, TResult extends ResultBase, TResponse>(
    spec: ModalitySpec<TRequest, TResult, TResponse>,
    config: GenerationConfig,
    request: TRequest,
    opts: GenerationOptions<TResponse> = {},
  ): Promise<TResponse> {
    const started = Date.now();
    try {
      const chain = prepareChain(spec, registry, config, request);
      const logger = redactingLogger(opts.logger, chain.redactor);
      const response = await runChain<TRequest, TResult, TResult, TResponse>({
        ...chain,
        logger,
        onProgress: opts.onProgress,
        run: (entry, prepared, emit) => runAttempt({ entry, prepared, callerSignal: opts.signal, emit, logger, random: Math.random, redactor: chain.redactor }, 'complete'),
        finish: (value, entry, prepared, metadata) => toResponse<TResponse>(value, entry as ChainEntry<unknown, unknown>, prepared.warnings, metadata),
      });
      if (opts.onProgress) await reportCompletion(opts.onProgress, response, logger);
      return response;
    } catch (error) {
      throw withEarlyMetadata(error, config, started);
    }
  }

  async function start<TRequest, TResult, TResponse>(
    spec: ModalitySpec<TRequest, TResult, TResponse>,
    config: GenerationConfig,
    request: TRequest,
    opts: GenerationOptions = {},
  ): Promise<StartedGeneration> {
    const started = Date.now();
    try {
      const chain = prepareChain(spec, registry, config, request, { requireJobs: true });
      const logger = redactingLogger(opts.logger, chain.redactor);
      return await runChain<TRequest, TResult, StartedJob<TResult>, StartedGeneration>({
        ...chain,
        logger,
        onProgress: opts.onProgress,
        run: (entry, prepared, emit) => runAttempt({ entry, prepared, callerSignal: opts.signal, emit, logger, random: Math.random, redactor: chain.redactor }, 'start'),
        finish: (value, entry, prepared, metadata) => ({
          handle: { ...value.handle, warnings: [...prepared.warnings] },
          requestId: value.handle.requestId,
          provider: entry.config.provider,
          model: entry.config.model,
          warnings: prepared.warnings,
          executionMetadata: metadata,
        }),
      });
    } catch (error) {
      throw withEarlyMetadata(error, config, started);
    }
  }

  /** Finds the config of a handle's provider (and model) in a chain, and its entry; errors are redacted. */
  function entryForHandle<TRequest, TResult, TResponse>(spec: ModalitySpec<TRequest, TResult, TResponse>, config: GenerationConfig, rawHandle: unknown) {
    try {
      return resolveHandleEntry(spec, config, rawHandle);
    } catch (error) {
      throw new Redactor(collectApiKeys(config)).redact(error);
    }
  }

  function resolveHandleEntry<TRequest, TResult, TResponse>(spec: ModalitySpec<TRequest, TResult, TResponse>, config: GenerationConfig, rawHandle: unknown) {
    const valid = validateConfig(config);
    const handle = validateInput(jobHandleSchema, rawHandle, { provider: valid.provider, model: valid.model, context: 'Invalid job handle', root: 'handle' }) as JobHandle;
    const candidates = flattenChain(valid);
    const match =
      candidates.find((c) => c.provider === handle.provider && c.model === handle.model) ?? candidates.find((c) => c.provider === handle.provider);
    if (!match) {
      throw new ValidationError({
        provider: handle.provider,
        model: handle.model,
        context: 'No config for this job',
        issues: [{ field: 'config.provider', value: valid.provider, message: `the job belongs to provider "${handle.provider}"; pass a config (or fallback config) for it`, allowed: [handle.provider] }],
      });
    }
    const entry = resolveEntry(spec, registry, { ...match, model: handle.model }, 1, {}, handle.mock === true);
    if (!entry.handler.jobs) {
      throw new ValidationError({ provider: handle.provider, model: handle.model, issues: [{ field: 'handle.provider', value: handle.provider, message: 'this provider has no job API' }] });
    }
    return { entry, handle, redactor: chainSecrets([match], [entry.apiKey]) };
  }

  async function resume<TRequest, TResult extends ResultBase, TResponse>(
    spec: ModalitySpec<TRequest, TResult, TResponse>,
    config: GenerationConfig,
    rawHandle: JobHandle,
    opts: GenerationOptions<TResponse> = {},
  ): Promise<TResponse> {
    const started = Date.now();
    try {
      if (rawHandle?.modality !== undefined && rawHandle.modality !== spec.modality) {
        throw new ValidationError({
          provider: rawHandle.provider,
          model: rawHandle.model,
          issues: [{ field: 'handle.modality', value: rawHandle.modality, message: `use resume${rawHandle.modality === 'video' ? 'Video' : 'Image'} for this job`, allowed: [spec.modality] }],
        });
      }
      const { entry, handle, redactor } = entryForHandle(spec, config, rawHandle);
      const logger = redactingLogger(opts.logger, redactor);
      const prepared: PreparedRequest = { provider: handle.provider, model: handle.model, body: undefined, warnings: handle.warnings };
      const response = await runChain<TRequest, TResult, TResult, TResponse>({
        entries: [entry],
        prepared: [prepared],
        redactor,
        logger,
        onProgress: opts.onProgress,
        run: (e, p, emit) => runAttempt({ entry: e, prepared: p, callerSignal: opts.signal, emit, logger, random: Math.random, redactor, resume: handle }, 'complete'),
        finish: (value, e, p, metadata) => toResponse<TResponse>(value, e as ChainEntry<unknown, unknown>, p.warnings, metadata),
      });
      if (opts.onProgress) await reportCompletion(opts.onProgress, response, logger);
      return response;
    } catch (error) {
      throw withEarlyMetadata(error, config, started);
    }
  }

  async function getJobStatus(config: GenerationConfig, rawHandle: JobHandle, opts: Pick<GenerationOptions, 'signal' | 'logger'> = {}): Promise<JobStatusReport> {
    const { entry, handle, redactor } = entryForHandle(specOf(rawHandle ?? ({} as JobHandle)), config, rawHandle);
    const scope = new AttemptScope(entry.timeoutMs, opts.signal);
    try {
      const snapshot: JobStatusSnapshot = await (entry.handler.jobs as NonNullable<typeof entry.handler.jobs>).getStatus(
        handle,
        callContext(entry, scope, redactingLogger(opts.logger, redactor), redactor),
      );
      return redactor.redact({
        requestId: handle.requestId,
        provider: handle.provider,
        model: handle.model,
        status: snapshot.status,
        ...(snapshot.progressPercent !== undefined ? { progressPercent: snapshot.progressPercent } : {}),
        ...(snapshot.queuePosition !== undefined ? { queuePosition: snapshot.queuePosition } : {}),
        ...(snapshot.logs?.length ? { logs: snapshot.logs } : {}),
        ...(snapshot.error ? { error: snapshot.error } : {}),
      });
    } catch (error) {
      throw redactor.redact(toTarashError(error, handle, handle.requestId));
    } finally {
      scope.dispose();
    }
  }

  async function cancelJob(config: GenerationConfig, rawHandle: JobHandle, opts: Pick<GenerationOptions, 'logger'> = {}): Promise<CancelOutcome> {
    const { entry, handle, redactor } = entryForHandle(specOf(rawHandle ?? ({} as JobHandle)), config, rawHandle);
    const cancel = entry.handler.jobs?.cancel;
    if (!cancel) return { cancelled: false, reason: `${handle.provider} has no cancel endpoint` };
    const scope = new AttemptScope(entry.timeoutMs, undefined);
    try {
      return redactor.redact(await cancel(handle, callContext(entry, scope, redactingLogger(opts.logger, redactor), redactor)));
    } catch (error) {
      throw redactor.redact(toTarashError(error, handle, handle.requestId));
    } finally {
      scope.dispose();
    }
  }

  function registerProvider(plugin: ProviderPlugin): void;
  function registerProvider(name: string, handler: CustomProviderHandler): void;
  function registerProvider(pluginOrName: ProviderPlugin | string, handler?: CustomProviderHandler): void {
    if (typeof pluginOrName === 'string') registry.register(pluginOrName, handler as CustomProviderHandler);
    else registry.register(pluginOrName);
  }

  return {
    generateVideo: (config, request, opts) => generate<VideoGenerationRequest, ProviderVideoResult, VideoGenerationResponse>(VIDEO, config, request as VideoGenerationRequest, opts),
    generateImage: (config, request, opts) => generate<ImageGenerationRequest, ProviderImageResult, ImageGenerationResponse>(IMAGE, config, request as ImageGenerationRequest, opts),
    streamVideo: (config, request, opts = {}) =>
      progressStream<VideoGenerationResponse>((onProgress, signal) => generate(VIDEO, config, request as VideoGenerationRequest, { ...opts, onProgress, signal }), opts.signal),
    streamImage: (config, request, opts = {}) =>
      progressStream<ImageGenerationResponse>((onProgress, signal) => generate(IMAGE, config, request as ImageGenerationRequest, { ...opts, onProgress, signal }), opts.signal),
    startVideo: (config, request, opts) => start(VIDEO, config, request as VideoGenerationRequest, opts),
    startImage: (config, request, opts) => start(IMAGE, config, request as ImageGenerationRequest, opts),
    resumeVideo: (config, handle, opts) => resume<VideoGenerationRequest, ProviderVideoResult, VideoGenerationResponse>(VIDEO, config, handle, opts),
    resumeImage: (config, handle, opts) => resume<ImageGenerationRequest, ProviderImageResult, ImageGenerationResponse>(IMAGE, config, handle, opts),
    getJobStatus,
    cancelJob,
    registerProvider,
    registerProviderFieldMapping: (provider, model, mappers) => registry.registerFieldMapping(provider, model, mappers),
    registry,
  };
}

/**
 * Sends the final `completed` update. The job is done and paid for, so a callback that throws
 * here is logged instead of costing the caller the result.
 */
async function reportCompletion<TResponse>(onProgress: ProgressCallback<TResponse>, response: TResponse, logger: Logger | undefined): Promise<void> {
  const { requestId, executionMetadata } = response as unknown as { requestId: string; executionMetadata: ExecutionMetadata };
  const winner = executionMetadata.attempts.find((a) => a.status === 'success');
  try {
    await onProgress({
      requestId,
      status: 'completed',
      progressPercent: 100,
      attempt: winner?.attemptNumber ?? 1,
      provider: winner?.provider ?? '',
      model: winner?.model ?? '',
      result: response,
    });
  } catch (error) {
    logger?.({ level: 'error', message: `onProgress threw on the completed update: ${error instanceof Error ? error.message : String(error)}` });
  }
}
