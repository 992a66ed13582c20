import { ContentModerationError, GenerationFailedError, type TarashError } from '@tarash/core';
import { operationError, type GoogleStatus } from '../transport/google-error';
import { isRecord, recordsOf, stringOf, type JsonRecord } from './json-shapes';

/** A finished video as Google hands it over. */
export type VeoVideo =
  /** A Gemini API download URI (needs the API key). */
  | { readonly kind: 'uri'; readonly uri: string }
  /** A Cloud Storage URI (Vertex AI with `storageUri`). */
  | { readonly kind: 'gcs'; readonly uri: string; readonly mediaType: string }
  /** Inline base64 bytes (Gemini `encodedVideo`, Vertex `bytesBase64Encoded`). */
  | { readonly kind: 'bytes'; readonly base64: string; readonly mediaType: string };

/** Where a Veo operation stands. */
export type VeoOutcome =
  | { readonly state: 'running' }
  | { readonly state: 'failed'; readonly error: TarashError }
  | { readonly state: 'succeeded'; readonly videos: readonly VeoVideo[]; readonly warnings: readonly string[] };

function readVideo(video: JsonRecord): VeoVideo | undefined {
  const mediaType = stringOf(video.encoding) ?? stringOf(video.mimeType) ?? 'video/mp4';
  const uri = stringOf(video.uri) ?? stringOf(video.gcsUri);
  if (uri !== undefined) return uri.startsWith('gs://') ? { kind: 'gcs', uri, mediaType } : { kind: 'uri', uri };
  const base64 = stringOf(video.encodedVideo) ?? stringOf(video.bytesBase64Encoded);
  return base64 === undefined ? undefined : { kind: 'bytes', base64, mediaType };
}

/**
 * Reads a Veo operation (wire.md §4.2, §4.6): no `done` → running; `error` → failed with a
 * code-based retryability; a response with videos → succeeded (videos the safety filter removed
 * become a warning); a response whose videos were all filtered → a `ContentModerationError`.
 * Both APIs' shapes are read (`generateVideoResponse.generatedSamples[].video` on the Gemini
 * API, `videos[]` on Vertex AI).
 */
export function readVeoOperation(operation: unknown, target: { readonly provider: string; readonly model: string; readonly requestId: string }): VeoOutcome {
  if (!isRecord(operation) || operation.done !== true) return { state: 'running' };
  if (isRecord(operation.error)) return { state: 'failed', error: operationError(operation.error as GoogleStatus, target, operation) };
  const response = isRecord(operation.response) ? operation.response : {};
  const result = isRecord(response.generateVideoResponse) ? response.generateVideoResponse : response;
  const videos = [...recordsOf(result.generatedSamples).map((sample) => (isRecord(sample.video) ? sample.video : {})), ...recordsOf(result.videos)]
    .map(readVideo)
    .filter((video): video is VeoVideo => video !== undefined);
  const reasons = Array.isArray(result.raiMediaFilteredReasons) ? result.raiMediaFilteredReasons.map(String) : [];
  const filtered = typeof result.raiMediaFilteredCount === 'number' ? result.raiMediaFilteredCount : reasons.length;
  const why = reasons.length > 0 ? `: ${reasons.join(' | ')}` : '';
  if (videos.length === 0) {
    const common = { ...target, rawResponse: operation, phase: 'status' as const };
    return {
      state: 'failed',
      error:
        filtered > 0
          ? new ContentModerationError({ ...common, message: `Google's safety filters removed the video${filtered > 1 ? 's' : ''} of ${target.requestId}${why}` })
          : new GenerationFailedError({ ...common, message: `${target.provider} operation ${target.requestId} finished without a video` }),
    };
  }
  const warnings = filtered > 0 ? [`${filtered} of ${filtered + videos.length} videos were removed by Google's safety filters${why}`] : [];
  return { state: 'succeeded', videos, warnings };
}
