import { GenerationFailedError, base64ToBytes, sniffMediaType, type CostReport, type MediaOutput, type ProviderImageResult } from '@tarash/core';

/** One generated image: base64 bytes (gpt-image, or dall-e with `b64_json`) or a URL (dall-e). */
export interface ImageDatum {
  readonly b64_json?: string;
  readonly url?: string;
  readonly revised_prompt?: string;
}

/** Token usage of gpt-image models. */
export interface ImagesUsage {
  readonly input_tokens?: number;
  readonly output_tokens?: number;
  readonly total_tokens?: number;
  readonly input_tokens_details?: { readonly text_tokens?: number; readonly image_tokens?: number };
}

/** The Images API response (`ImagesResponse`). */
export interface ImagesResponse {
  readonly created?: number;
  readonly data?: readonly ImageDatum[];
  readonly output_format?: string;
  readonly size?: string;
  readonly quality?: string;
  readonly background?: string;
  readonly usage?: ImagesUsage;
}

const MEDIA_TYPES: Readonly<Record<string, string>> = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' };

/** Token usage as cost metrics (only the figures OpenAI reported). */
function costOf(usage: ImagesUsage | undefined): CostReport | undefined {
  if (!usage) return undefined;
  const metrics: Record<string, number> = {};
  const figures: [string, number | undefined][] = [
    ['inputTokens', usage.input_tokens],
    ['outputTokens', usage.output_tokens],
    ['totalTokens', usage.total_tokens],
    ['inputTextTokens', usage.input_tokens_details?.text_tokens],
    ['inputImageTokens', usage.input_tokens_details?.image_tokens],
  ];
  for (const [name, value] of figures) if (typeof value === 'number') metrics[name] = value;
  return Object.keys(metrics).length > 0 ? { metrics } : undefined;
}

/**
 * The response with each `b64_json` replaced by a short note: the bytes are in `images`, and
 * keeping megabytes of base64 twice in memory helps no one.
 */
function withoutBase64(response: ImagesResponse): ImagesResponse {
  return {
    ...response,
    ...(response.data ? { data: response.data.map((d) => (d.b64_json === undefined ? d : { ...d, b64_json: `[${d.b64_json.length} base64 characters; decoded into images[]]` })) } : {}),
  };
}

/**
 * Turns an ImagesResponse into the provider result: `b64_json` → `{ data, mediaType }` (the
 * media type from `output_format`, checked against the bytes), `url` → the URL string, token
 * `usage` → `cost.metrics`.
 */
export function imageResult(response: ImagesResponse, sent: Readonly<Record<string, unknown>>, context: { readonly provider: string; readonly model: string }, requestId: string): ProviderImageResult {
  const format = response.output_format ?? (typeof sent.output_format === 'string' ? sent.output_format : 'png');
  const declared = MEDIA_TYPES[format] ?? 'image/png';
  const images: MediaOutput[] = (response.data ?? []).flatMap((datum): MediaOutput[] => {
    if (typeof datum.b64_json === 'string') {
      const data = base64ToBytes(datum.b64_json);
      return [{ data, mediaType: sniffMediaType(data) ?? declared }];
    }
    return typeof datum.url === 'string' ? [datum.url] : [];
  });
  const first = images[0];
  if (first === undefined) {
    throw new GenerationFailedError({
      ...context,
      requestId,
      phase: 'generate',
      message: `${context.provider} answered without any image`,
      rawResponse: withoutBase64(response),
      jobMayExist: true,
    });
  }
  const size = /^(\d+)x(\d+)$/.exec(response.size ?? (typeof sent.size === 'string' ? sent.size : ''));
  const cost = costOf(response.usage);
  return {
    requestId,
    images,
    contentType: typeof first === 'string' ? declared : first.mediaType,
    rawResponse: withoutBase64(response),
    ...(size ? { width: Number(size[1]), height: Number(size[2]) } : {}),
    ...(cost ? { cost } : {}),
  };
}
