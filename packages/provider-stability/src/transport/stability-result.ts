import { base64ToBytes, HTTPError, sniffMediaType, type CallContext, type ErrorPhase } from '@tarash/core';
import { readBodyBytes } from './read-body-bytes';

/** A finished Stability result, read from either response form. */
export interface StabilityResult {
  readonly bytes: Uint8Array;
  readonly mediaType: string;
  /** `SUCCESS`, `CONTENT_FILTERED`, or whatever else Stability reports. */
  readonly finishReason: string | undefined;
  readonly seed: number | undefined;
  /** `x-request-id`, when sent. */
  readonly requestId: string | undefined;
  /** The response as received, with the base64 media replaced by a note (the bytes are in the result). */
  readonly rawResponse: Readonly<Record<string, unknown>>;
}

function numberOrUndefined(value: unknown): number | undefined {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

/**
 * Reads a 200 result. The content type decides, not what was asked: raw bytes carry
 * `finish-reason` and `seed` headers; `application/json; type=<media type>` carries
 * `{<field>: base64, seed, finish_reason}`.
 */
export async function readStabilityResult(response: Response, context: CallContext, field: 'image' | 'video', phase: ErrorPhase): Promise<StabilityResult> {
  const contentType = response.headers.get('content-type') ?? '';
  const requestId = response.headers.get('x-request-id') ?? undefined;
  const bytes = await readBodyBytes(response, context, phase);
  if (!contentType.toLowerCase().startsWith('application/json')) {
    const finishReason = response.headers.get('finish-reason') ?? undefined;
    const seed = numberOrUndefined(response.headers.get('seed'));
    const mediaType = contentType.split(';')[0]?.trim() || (sniffMediaType(bytes) ?? 'application/octet-stream');
    return { bytes, mediaType, finishReason, seed, requestId, rawResponse: { contentType, byteLength: bytes.byteLength, finishReason, seed, requestId } };
  }
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    body = {};
  }
  const encoded = body[field];
  if (typeof encoded !== 'string') {
    throw new HTTPError({
      provider: context.provider,
      model: context.model,
      phase,
      statusCode: response.status,
      message: `${context.provider} answered 200 without a base64 "${field}" in its JSON`,
      rawResponse: body,
      isRetryable: true,
      // The generation succeeded (and was billed) even though its media did not arrive.
      jobMayExist: phase === 'generate' || phase === 'submit',
      ...(requestId !== undefined ? { requestId } : {}),
    });
  }
  const media = base64ToBytes(encoded);
  const declared = /;\s*type=([^;\s]+)/i.exec(contentType)?.[1];
  const finishReason = typeof body.finish_reason === 'string' ? body.finish_reason : undefined;
  return {
    bytes: media,
    mediaType: declared ?? sniffMediaType(media) ?? 'application/octet-stream',
    finishReason,
    seed: numberOrUndefined(body.seed),
    requestId,
    rawResponse: { ...body, [field]: `[${encoded.length} base64 characters, decoded into the result]` },
  };
}
