import { ContentModerationError, base64ToBytes, sniffMediaType, type MediaOutput, type ProviderImageResult } from '@tarash/core';
import { recordsOf, stringOf, withoutBase64Media } from './json-shapes';

/**
 * Reads an Imagen `predict` answer (wire.md §4.3): images as `{ data, mediaType }` (or their
 * Cloud Storage URIs), filtered entries (`raiFilteredReason`) as warnings. No image at all is
 * a `ContentModerationError`: Google drops filtered images, so an empty answer means the safety
 * filter removed every one [C].
 */
export function imagenResult(body: unknown, target: { readonly provider: string; readonly model: string }, requestId: string): ProviderImageResult {
  const predictions = recordsOf((body as { predictions?: unknown } | null)?.predictions);
  const images: MediaOutput[] = [];
  const reasons: string[] = [];
  for (const prediction of predictions) {
    const base64 = stringOf(prediction.bytesBase64Encoded);
    const gcsUri = stringOf(prediction.gcsUri);
    if (base64 !== undefined) {
      const data = base64ToBytes(base64);
      images.push({ data, mediaType: stringOf(prediction.mimeType) ?? sniffMediaType(data) ?? 'image/png' });
    } else if (gcsUri !== undefined) {
      images.push(gcsUri);
    } else if (stringOf(prediction.raiFilteredReason) !== undefined) {
      reasons.push(prediction.raiFilteredReason as string);
    }
  }
  const rawResponse = withoutBase64Media(body);
  const why = reasons.length > 0 ? `: ${reasons.join(' | ')}` : '';
  if (images.length === 0) {
    throw new ContentModerationError({ ...target, requestId, phase: 'generate', rawResponse, message: `Google's safety filters removed every image${why || ' (Imagen returned none)'}` });
  }
  const first = images[0] as MediaOutput;
  return {
    requestId,
    images,
    contentType: typeof first === 'string' ? 'image/png' : first.mediaType,
    rawResponse,
    warnings: reasons.length > 0 ? [`${reasons.length} of ${reasons.length + images.length} images were removed by Google's safety filters${why}`] : [],
  };
}
