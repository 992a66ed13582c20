import type { SampleMediaCache } from '../common/media/sample-media';
import { imageDimensions } from './google-image-size';

/** The `raiFilteredReason` of a filtered Imagen image [C: an example of Google's wording]. */
export const IMAGEN_FILTERED_REASON =
  "Unable to show generated images. All images were filtered out because they violated Vertex AI's usage guidelines. Support codes: 39322892";

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parametersOf(request: unknown): JsonObject {
  return isObject(request) && isObject(request.parameters) ? request.parameters : {};
}

/** Images asked for: `parameters.sampleCount`, default 4 (Google's documented default [C]). */
function sampleCountOf(parameters: JsonObject): number {
  const count = parameters.sampleCount;
  return typeof count === 'number' && Number.isInteger(count) && count > 0 ? count : 4;
}

/**
 * The `predict` answer of a successful Imagen job: one PNG per sample at the requested aspect
 * ratio and `sampleImageSize`, as base64 bytes, or as Cloud Storage URIs under
 * `parameters.storageUri` (Vertex). The fake always makes PNGs, whatever `outputOptions` asks.
 */
export function imagenResponse(request: unknown, mediaCache: SampleMediaCache, requestId: string): JsonObject {
  const parameters = parametersOf(request);
  const { width, height } = imageDimensions(parameters.aspectRatio, parameters.sampleImageSize);
  const image = mediaCache.get({ kind: 'image', width, height });
  const storageUri = typeof parameters.storageUri === 'string' ? parameters.storageUri.replace(/\/+$/, '') : undefined;
  const predictions = Array.from({ length: sampleCountOf(parameters) }, (_, index) =>
    storageUri
      ? { gcsUri: `${storageUri}/${requestId}/sample_${index}.png`, mimeType: image.contentType }
      : { bytesBase64Encoded: Buffer.from(image.bytes).toString('base64'), mimeType: image.contentType },
  );
  return { predictions };
}

/**
 * The `predict` answer when every image was filtered: entries carrying only
 * `raiFilteredReason` when `includeRaiReason` was asked, else no predictions at all [C].
 */
export function imagenFilteredResponse(request: unknown): JsonObject {
  const parameters = parametersOf(request);
  return parameters.includeRaiReason === true ? { predictions: [{ raiFilteredReason: IMAGEN_FILTERED_REASON }] } : {};
}
