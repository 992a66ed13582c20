import type { CostReport, ProviderImageResult, ProviderVideoResult } from '@tarash/core';
import { mediaTypeOfUrl } from './media-type';
import type { Prediction } from './prediction';

/** Every file URL in an output (a URL, a list, or an object holding them), in order. */
export function outputUrls(output: unknown): string[] {
  if (typeof output === 'string') return /^(https?:|data:)/i.test(output) ? [output] : [];
  if (Array.isArray(output)) return output.flatMap(outputUrls);
  if (output !== null && typeof output === 'object') return Object.values(output).flatMap(outputUrls);
  return [];
}

/** `predict_time` is what Replicate bills by; it is reported as `cost.metrics.predictTimeSeconds`. */
function costOf(prediction: Prediction): { readonly cost?: CostReport } {
  const seconds = prediction.metrics?.predict_time;
  return typeof seconds === 'number' ? { cost: { metrics: { predictTimeSeconds: seconds } } } : {};
}

const kindOf = (url: string): string | undefined => mediaTypeOfUrl(url)?.split('/')[0];

/**
 * The video result of a succeeded prediction: every non-image, non-audio file is a video (all
 * of them in `videos` when there are several), an audio file becomes `audioUrl`. Undefined when
 * the output holds no file.
 */
export function videoResult(prediction: Prediction): ProviderVideoResult | undefined {
  const urls = outputUrls(prediction.output);
  const audioUrl = urls.find((url) => kindOf(url) === 'audio');
  const videos = urls.filter((url) => kindOf(url) !== 'audio' && kindOf(url) !== 'image');
  const chosen = videos.length > 0 ? videos : urls;
  const [video] = chosen;
  if (video === undefined) return undefined;
  const contentType = mediaTypeOfUrl(video);
  return {
    requestId: prediction.id,
    video,
    ...(chosen.length > 1 ? { videos: chosen } : {}),
    ...(contentType ? { contentType } : {}),
    ...(audioUrl !== undefined && audioUrl !== video ? { audioUrl } : {}),
    rawResponse: prediction,
    ...costOf(prediction),
  };
}

/** The image result of a succeeded prediction: every image file (every file when none says it is an image). */
export function imageResult(prediction: Prediction): ProviderImageResult | undefined {
  const urls = outputUrls(prediction.output);
  const typed = urls.filter((url) => kindOf(url) === 'image');
  const images = typed.length > 0 ? typed : urls;
  if (images.length === 0) return undefined;
  const contentType = mediaTypeOfUrl(images[0] as string);
  return { requestId: prediction.id, images, ...(contentType ? { contentType } : {}), rawResponse: prediction, ...costOf(prediction) };
}
