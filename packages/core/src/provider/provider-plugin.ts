import type { GenerationConfig } from '../types/generation-config';
import type { ImageGenerationRequest } from '../types/image-generation-request';
import type { JobHandle } from '../types/job-handle';
import type { VideoGenerationRequest } from '../types/video-generation-request';
import type { CallContext, PrepareContext } from './call-context';
import type { CancelOutcome, JobStatusSnapshot, SnapshotListener, StartedJob } from './job-status-snapshot';
import type { PreparedRequest } from './prepared-request';
import type { ProviderImageResult, ProviderVideoResult } from './provider-result';
import type { ProviderWebhookSupport } from './provider-webhook-support';

/**
 * The job split of a provider: submit once, then observe, fetch and cancel that job by its
 * handle. Implementing it gives the provider resumable jobs (`startVideo` / `resumeVideo`),
 * cancellation on timeout and abort, and the guarantee that a job is never submitted twice.
 *
 * Error contract: throw `TarashError` subclasses. A `start` error must set `jobMayExist: true`
 * when the provider may have accepted the job (e.g. a connection reset after the body was
 * sent); the orchestrator then never repeats the submit. Errors from `getStatus` and
 * `getResult` that are retryable are retried against the same handle.
 */
export interface ProviderJobMethods<TResult> {
  /** Submit the job (uploading media first if needed) and return its JSON handle. */
  start(prepared: PreparedRequest, context: CallContext): Promise<StartedJob<TResult>>;
  /** Check the job once. */
  getStatus(handle: JobHandle, context: CallContext): Promise<JobStatusSnapshot<TResult>>;
  /**
   * Fetch the result of a completed job. `completed` is the terminal snapshot the orchestrator
   * saw, when it saw one (so a provider whose status body holds the output need not read it again).
   */
  getResult(handle: JobHandle, context: CallContext, completed?: JobStatusSnapshot<TResult>): Promise<TResult>;
  /** Ask the provider to cancel the job. Providers without cancel omit this. */
  cancel?(handle: JobHandle, context: CallContext): Promise<CancelOutcome>;
  /**
   * Wait for a terminal state more efficiently than polling `getStatus` (e.g. fal's SSE status
   * stream), reporting intermediate snapshots. Resolves with the terminal snapshot; rejects
   * when the context signal aborts. Without it the orchestrator polls `getStatus` with backoff.
   */
  waitForCompletion?(handle: JobHandle, context: CallContext, onSnapshot: SnapshotListener<TResult>): Promise<JobStatusSnapshot<TResult>>;
}

/**
 * How a provider handles one modality (video or image). `prepare` is required; then either the
 * job split (`jobs`) or a single-call `generate` (synchronous APIs), or both.
 */
export interface ProviderModalityHandler<TRequest, TResult> {
  /**
   * Validate the standard request for `context.model` and map it to the provider body. Pure
   * and synchronous: no I/O, same output for the same input (snapshot-testable). Throws
   * `ValidationError` naming the field, the value and what is allowed. Mock mode runs it too.
   */
  prepare(request: TRequest, context: PrepareContext): PreparedRequest;
  /** The job split, for providers with asynchronous jobs. */
  readonly jobs?: ProviderJobMethods<TResult>;
  /** One call that returns the result (synchronous APIs, or providers without job ids). */
  generate?(prepared: PreparedRequest, context: CallContext, onSnapshot: SnapshotListener<TResult>): Promise<TResult>;
  /** Fields of a realistic mock result for this model (merged over core's generic mock). */
  mockResult?(prepared: PreparedRequest): Partial<TResult>;
}

/**
 * A provider package's plugin: register it with `registerProvider(plugin)`.
 *
 * ```ts
 * export function acmeProvider(): ProviderPlugin {
 *   return { name: 'acme', apiKeyEnvVars: ['ACME_API_KEY'], video: { prepare, jobs: { start, getStatus, getResult, cancel } } };
 * }
 * ```
 */
export interface ProviderPlugin {
  /** The name configs use in `provider`. */
  readonly name: string;
  /** Environment variables read, in order, when a config has no `apiKey`. */
  readonly apiKeyEnvVars?: readonly string[];
  readonly video?: ProviderModalityHandler<VideoGenerationRequest, ProviderVideoResult>;
  readonly image?: ProviderModalityHandler<ImageGenerationRequest, ProviderImageResult>;
  /**
   * Whether a config can run without an API key (e.g. Vertex AI with an access token in
   * `providerConfig`). Without this, a missing key is a `ValidationError` before anything is sent.
   */
  authOptional?(config: GenerationConfig): boolean;
  /** Webhook verification and parsing, for providers that call back. */
  readonly webhooks?: ProviderWebhookSupport;
}
