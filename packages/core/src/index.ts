/**
 * @tarash/core — one request shape for AI video and image generation across providers:
 * types and zod schemas, errors, the plugin registry, the fallback orchestrator with retries,
 * deadlines and cancellation, resumable jobs, mock mode and the field-mapping toolkit.
 */
import { createGateway } from './orchestrator/gateway';

export * from './types/index';
export * from './errors/index';
export * from './provider/index';
export * from './mapping/index';
export * from './http/index';
export { Redactor } from './security/redactor';
export { readEnv } from './runtime/read-env';
export { sleep } from './runtime/sleep';
export { base64ToBytes, bytesToBase64 } from './runtime/base64';
export { silentLogger, type LogEvent, type LogLevel, type Logger } from './runtime/logger';
export { validateInput, type ValidationTarget } from './validation/validate-input';
export { formatPath, zodIssuesToValidationIssues } from './validation/zod-issues';
export { safeParseWithMessages } from './validation/zod-messages';
export { ProviderRegistry } from './registry/provider-registry';
export { KNOWN_PROVIDER_PACKAGES } from './registry/known-provider-packages';
export { createGateway, type Gateway, type GatewayOptions, type JobStatusReport, type StartedGeneration } from './orchestrator/gateway';
export type { GenerationOptions, ProgressCallback } from './orchestrator/generation-options';
export { backoffDelay, pollDelay, type BackoffPolicy } from './orchestrator/backoff';
export { seededRandom, type RandomSource } from './mock/seeded-random';
export { MOCK_MEDIA_ORIGIN } from './mock/mock-results';

/** The gateway behind the top-level functions, over the global registry. */
const globalGateway = createGateway();

/** The global provider registry (what `registerProvider` fills). */
export const globalRegistry = globalGateway.registry;
/** Generates a video through the config chain; resolves when the video is ready. */
export const generateVideo = globalGateway.generateVideo;
/** Generates images through the config chain. */
export const generateImage = globalGateway.generateImage;
/** `generateVideo` as an async iterable of progress updates; the last one carries `result`. */
export const streamVideo = globalGateway.streamVideo;
/** `generateImage` as an async iterable of progress updates. */
export const streamImage = globalGateway.streamImage;
/** Submits a video job and returns its JSON handle as soon as a provider accepts it. */
export const startVideo = globalGateway.startVideo;
/** Submits an image job and returns its JSON handle. */
export const startImage = globalGateway.startImage;
/** Waits for a started video job from any process; never resubmits it. */
export const resumeVideo = globalGateway.resumeVideo;
/** Waits for a started image job from any process. */
export const resumeImage = globalGateway.resumeImage;
/** Checks a job once. */
export const getJobStatus = globalGateway.getJobStatus;
/** Cancels a job at the provider. */
export const cancelJob = globalGateway.cancelJob;
/** Registers a provider plugin (or a custom handler under a name) in the global registry. */
export const registerProvider = globalGateway.registerProvider;
/** Adds or replaces the field mapping of one model of a provider in the global registry. */
export const registerProviderFieldMapping = globalGateway.registerProviderFieldMapping;
