import {
  HTTPError,
  PendingMedia,
  connectionError,
  readJsonBody,
  readMediaInput,
  sendProviderRequest,
  type CallContext,
  type CancelOutcome,
  type JobHandle,
  type PreparedRequest,
  type ProviderJobMethods,
  type ProviderVideoResult,
  type StartedJob,
} from '@tarash/core';
import type { ApiFlavor, ApiTarget } from '../transport/api-target';
import { appendFields, mediaPart } from '../transport/media-part';
import { aspectRatioOf, isVideoResource, videoSnapshot, type VideoResource } from './video-resource';
import { videosApiError } from './videos-api-error';

/**
 * How `generateVideo` hands over the finished video.
 * @deprecated Sora 2 and the Videos API shut down on 2026-09-24.
 */
export type VideoDelivery =
  /** Download `GET /videos/{id}/content` and return `{ data, mediaType: 'video/mp4' }` (default). */
  | 'bytes'
  /**
   * Return the content URL (`…/videos/{id}/content`) without downloading. Fetching it needs the
   * API key (`Authorization` / `api-key`), and it expires with the video (`expires_at`).
   */
  | 'content-url';

const NO_CANCEL =
  "OpenAI's Videos API has no cancel endpoint (DELETE only removes completed or failed videos), so the job keeps running and is billed";

function encodeId(videoId: string): string {
  return encodeURIComponent(videoId);
}

/** The submit request: JSON, or multipart when the input image is bytes (a URL goes as `{image_url}`). */
async function submitBody(body: Readonly<Record<string, unknown>>, context: CallContext): Promise<{ json: unknown } | { body: FormData }> {
  const { input_reference: reference, ...fields } = body;
  if (!(reference instanceof PendingMedia)) return { json: body };
  const media = await readMediaInput(reference.input);
  if (media.kind === 'url') return { json: { ...fields, input_reference: { image_url: media.url } } };
  const form = new FormData();
  appendFields(form, fields);
  const part = await mediaPart(reference, context, 'input_reference');
  form.append('input_reference', part.blob, part.fileName);
  return { body: form };
}

/** Reads a VideoResource; a 2xx without one is a retryable error (a job may exist after a submit). */
async function readVideo(response: Response, context: CallContext, phase: 'submit' | 'status' | 'result', requestId?: string): Promise<VideoResource> {
  const body = await readJsonBody<unknown>(response, context, phase, requestId);
  if (isVideoResource(body)) return body;
  throw new HTTPError({
    provider: context.provider,
    model: context.model,
    phase,
    statusCode: response.status,
    isRetryable: true,
    jobMayExist: phase === 'submit',
    rawResponse: body,
    message: `${context.provider} answered ${phase} without a video resource (no id/status)`,
    ...(requestId !== undefined ? { requestId } : {}),
  });
}

function videoIdOf(handle: JobHandle): string {
  const id = handle.data.videoId;
  return typeof id === 'string' ? id : handle.requestId;
}

async function retrieve(target: ApiTarget, context: CallContext, videoId: string, phase: 'status' | 'result'): Promise<VideoResource> {
  const response = await sendProviderRequest(context, {
    method: 'GET',
    url: target.url(`/videos/${encodeId(videoId)}`),
    headers: target.headers(),
    phase,
    requestId: videoId,
    toError: videosApiError,
  });
  return readVideo(response, context, phase, videoId);
}

async function download(target: ApiTarget, context: CallContext, videoId: string): Promise<{ bytes: Uint8Array; mediaType: string }> {
  const url = target.url(`/videos/${encodeId(videoId)}/content`);
  const response = await sendProviderRequest(context, { method: 'GET', url, headers: target.headers(), phase: 'download', requestId: videoId, toError: videosApiError });
  try {
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { bytes, mediaType: response.headers.get('content-type')?.split(';')[0]?.trim() || 'video/mp4' };
  } catch (error) {
    if (context.signal.aborted) throw context.signal.reason;
    throw connectionError(error, { provider: context.provider, model: context.model, phase: 'download', url });
  }
}

/**
 * The job split of the Videos API: `POST /videos` (or `/videos/{id}/remix`) once, poll
 * `GET /videos/{id}`, then fetch `GET /videos/{id}/content`. The handle holds only the video id
 * and its size and length: URLs are rebuilt from the config on every call, so a handle read
 * from storage can never send the API key to a host of its choosing.
 */
export function videoJobs(flavor: ApiFlavor, delivery: VideoDelivery): ProviderJobMethods<ProviderVideoResult> {
  return {
    async start(prepared: PreparedRequest, context: CallContext): Promise<StartedJob<ProviderVideoResult>> {
      const target = flavor.target(context);
      const body = prepared.body as Readonly<Record<string, unknown>>;
      const remixOf = prepared.route?.operation === 'remix' ? prepared.route.videoId : undefined;
      const path = remixOf === undefined ? '/videos' : `/videos/${encodeId(remixOf)}/remix`;
      const payload = remixOf === undefined ? await submitBody(body, context) : { json: body };
      const response = await sendProviderRequest(context, { method: 'POST', url: target.url(path), headers: target.headers(), phase: 'submit', toError: videosApiError, ...payload });
      const video = await readVideo(response, context, 'submit');
      const handle: JobHandle = {
        version: 1,
        provider: context.provider,
        model: context.model,
        modality: 'video',
        requestId: video.id,
        createdAt: new Date().toISOString(),
        data: { videoId: video.id, ...(video.size ? { size: video.size } : {}), ...(video.seconds ? { seconds: video.seconds } : {}) },
        warnings: prepared.warnings,
      };
      return { handle, snapshot: videoSnapshot(video, context) };
    },

    async getStatus(handle, context) {
      return videoSnapshot(await retrieve(flavor.target(context), context, videoIdOf(handle), 'status'), context);
    },

    async getResult(handle, context) {
      const target = flavor.target(context);
      const videoId = videoIdOf(handle);
      const resource = await retrieve(target, context, videoId, 'result');
      const size = resource.size ?? (typeof handle.data.size === 'string' ? handle.data.size : undefined);
      const seconds = Number(resource.seconds ?? handle.data.seconds);
      const aspectRatio = aspectRatioOf(size);
      const common = {
        requestId: videoId,
        contentType: 'video/mp4',
        rawResponse: resource,
        ...(Number.isFinite(seconds) ? { duration: seconds } : {}),
        ...(size !== undefined ? { resolution: size } : {}),
        ...(aspectRatio !== undefined ? { aspectRatio } : {}),
      };
      if (delivery === 'content-url') {
        const expires = typeof resource.expires_at === 'number' ? ` until ${new Date(resource.expires_at * 1000).toISOString()}` : '';
        return { ...common, video: target.url(`/videos/${encodeId(videoId)}/content`), warnings: [`video is the content URL: fetching it needs the API key, and it works${expires || ' while the video exists'}`] };
      }
      const { bytes, mediaType } = await download(target, context, videoId);
      return { ...common, contentType: mediaType, video: { data: bytes, mediaType } };
    },

    async cancel(): Promise<CancelOutcome> {
      return { cancelled: false, reason: NO_CANCEL };
    },
  };
}
