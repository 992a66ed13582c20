import { base64ToBytes, type CallContext, type JobHandle, type MediaOutput, type ProviderVideoResult } from '@tarash/core';
import type { GoogleSettings } from '../config/google-provider-config';
import { withoutBase64Media } from './json-shapes';
import { downloadVideo } from './video-download';
import type { VeoVideo } from './veo-operation';

/** Whether turning these videos into a result needs a download (Gemini API URIs with `videoOutput: 'bytes'`). */
export function needsDownload(videos: readonly VeoVideo[], settings: GoogleSettings): boolean {
  return settings.api === 'gemini' && settings.videoOutput === 'bytes' && videos.some((video) => video.kind === 'uri');
}

async function toOutput(video: VeoVideo, context: CallContext, settings: GoogleSettings, requestId: string): Promise<MediaOutput> {
  switch (video.kind) {
    case 'bytes':
      return { data: base64ToBytes(video.base64), mediaType: video.mediaType };
    case 'gcs':
      return video.uri;
    case 'uri':
      return needsDownload([video], settings) ? downloadVideo(video.uri, context, settings, requestId) : video.uri;
  }
}

/**
 * The result of a finished Veo job: bytes as `{ data, mediaType }`, Cloud Storage URIs as
 * given, Gemini API URIs downloaded (or returned as URIs with `videoOutput: 'uri'`). Duration,
 * resolution and aspect ratio are the ones requested (kept in the handle); Google reports none.
 */
export async function veoResult(
  handle: JobHandle,
  videos: readonly VeoVideo[],
  warnings: readonly string[],
  operation: unknown,
  context: CallContext,
  settings: GoogleSettings,
): Promise<ProviderVideoResult> {
  const outputs = await Promise.all(videos.map((video) => toOutput(video, context, settings, handle.requestId)));
  const first = outputs[0] as MediaOutput;
  const { durationSeconds, resolution, aspectRatio } = handle.data;
  const uriNote = outputs.some((output) => typeof output === 'string' && !output.startsWith('gs://'))
    ? ['the video URI needs the API key (x-goog-api-key header) to download, and Google deletes it after a while']
    : [];
  return {
    requestId: handle.requestId,
    video: first,
    ...(outputs.length > 1 ? { videos: outputs } : {}),
    contentType: typeof first === 'string' ? 'video/mp4' : first.mediaType,
    ...(typeof durationSeconds === 'number' ? { duration: durationSeconds } : {}),
    ...(typeof resolution === 'string' ? { resolution } : {}),
    ...(typeof aspectRatio === 'string' ? { aspectRatio } : {}),
    rawResponse: withoutBase64Media(operation),
    warnings: [...warnings, ...uriNote],
  };
}
