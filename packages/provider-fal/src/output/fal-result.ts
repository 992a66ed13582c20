import { GenerationFailedError, type CostReport, type ProviderImageResult, type ProviderVideoResult } from '@tarash/core';
import type { FalOutputSpec } from '../models/fal-model-definition';
import type { FalJobOutput } from '../queue/fal-queue-client';
import { detectFalOutputSpec, falFilesAt, type FalOutputFile } from './fal-output-files';

/** The finished job a result is built from. */
export interface FalFinishedJob {
  readonly provider: string;
  readonly model: string;
  readonly requestId: string;
  readonly output: FalJobOutput;
  /** The endpoint's generated output spec; detected from the output when undefined. */
  readonly spec: FalOutputSpec | undefined;
}

/** What fal reported it bills: `x-fal-billable-units` as `cost.metrics.billableUnits`. */
function costOf(output: FalJobOutput): { cost?: CostReport } {
  return output.billableUnits === undefined ? {} : { cost: { metrics: { billableUnits: output.billableUnits } } };
}

/**
 * A completed job whose output has no media of the expected kind. Fetching it again returns
 * the same output, so it is not retryable.
 */
function noMedia(job: FalFinishedJob, kind: string, fields: readonly string[]): GenerationFailedError {
  return new GenerationFailedError({
    provider: job.provider,
    model: job.model,
    requestId: job.requestId,
    phase: 'result',
    isRetryable: false,
    rawResponse: job.output.output,
    message: `fal job ${job.requestId} completed without ${kind} (looked in ${fields.length > 0 ? fields.join(', ') : 'every top-level File field'})`,
  });
}

/** `720p` for a 1280×720 or 720×1280 video. */
function resolutionOf(file: FalOutputFile): string | undefined {
  return file.width !== undefined && file.height !== undefined ? `${Math.min(file.width, file.height)}p` : undefined;
}

/** Normalises a video output: first video, every video when several, content type, duration, resolution, audio, cost. */
export function falVideoResult(job: FalFinishedJob): ProviderVideoResult {
  const spec = job.spec ?? detectFalOutputSpec(job.output.output);
  const fields = [...(spec.video ?? []), ...(spec.videoList ?? [])];
  const videos = falFilesAt(job.output.output, fields);
  const [first] = videos;
  if (!first) throw noMedia(job, 'a video', fields);
  const [audio] = falFilesAt(job.output.output, spec.audio);
  const resolution = resolutionOf(first);
  return {
    requestId: job.requestId,
    video: first.url,
    ...(videos.length > 1 ? { videos: videos.map((file) => file.url) } : {}),
    ...(first.contentType !== undefined ? { contentType: first.contentType } : {}),
    ...(first.duration !== undefined ? { duration: first.duration } : {}),
    ...(resolution !== undefined ? { resolution } : {}),
    ...(audio ? { audioUrl: audio.url } : {}),
    rawResponse: job.output.output,
    ...costOf(job.output),
  };
}

/** Normalises an image output: every image URL in order, the first one's content type and size, cost. */
export function falImageResult(job: FalFinishedJob): ProviderImageResult {
  const spec = job.spec ?? detectFalOutputSpec(job.output.output);
  const fields = [...(spec.imageList ?? []), ...(spec.image ?? [])];
  const images = falFilesAt(job.output.output, fields);
  const [first] = images;
  if (!first) throw noMedia(job, 'images', fields);
  return {
    requestId: job.requestId,
    images: images.map((file) => file.url),
    ...(first.contentType !== undefined ? { contentType: first.contentType } : {}),
    ...(first.width !== undefined ? { width: first.width } : {}),
    ...(first.height !== undefined ? { height: first.height } : {}),
    rawResponse: job.output.output,
    ...costOf(job.output),
  };
}
