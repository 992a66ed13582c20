import { ContentModerationError, GenerationFailedError, base64ToBytes, type ProviderImageResult } from '@tarash/core';
import { isRecord, recordsOf, stringOf, withoutBase64Media } from './json-shapes';
import { usageCost } from './usage-cost';

/** `finishReason`s that mean the content was refused (Discovery `Candidate.finishReason`). */
const REFUSED = new Set(['SAFETY', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII', 'RECITATION', 'IMAGE_SAFETY', 'IMAGE_PROHIBITED_CONTENT', 'IMAGE_RECITATION']);

/**
 * Reads a `generateContent` answer for image output (wire.md §4.4): every `inlineData` image of
 * every candidate (a thinking model's draft images, `thought: true`, are skipped) as
 * `{ data, mediaType }`, `usageMetadata` as the cost. A blocked prompt (`promptFeedback
 * .blockReason`) or a safety `finishReason` without an image is a `ContentModerationError`;
 * no image for another reason (`NO_IMAGE`, `IMAGE_OTHER`…) a retryable `GenerationFailedError`
 * quoting the model's text.
 */
export function geminiImageResult(body: unknown, target: { readonly provider: string; readonly model: string }, fallbackRequestId: string): ProviderImageResult {
  const response = isRecord(body) ? body : {};
  const requestId = stringOf(response.responseId) ?? fallbackRequestId;
  const rawResponse = withoutBase64Media(body);
  const common = { ...target, requestId, rawResponse, phase: 'generate' as const };
  const blockReason = isRecord(response.promptFeedback) ? stringOf(response.promptFeedback.blockReason) : undefined;
  if (blockReason !== undefined) throw new ContentModerationError({ ...common, message: `Google blocked the prompt (${blockReason})` });
  const candidates = recordsOf(response.candidates);
  const parts = candidates.flatMap((candidate) => (isRecord(candidate.content) ? recordsOf(candidate.content.parts) : [])).filter((part) => part.thought !== true);
  const images = parts.flatMap((part) => {
    const inline = isRecord(part.inlineData) ? part.inlineData : undefined;
    const data = stringOf(inline?.data);
    return data === undefined ? [] : [{ data: base64ToBytes(data), mediaType: stringOf(inline?.mimeType) ?? 'image/png' }];
  });
  if (images.length === 0) {
    const reason = stringOf(candidates[0]?.finishReason) ?? 'no candidates';
    const text = parts.map((part) => stringOf(part.text)).filter(Boolean).join(' ');
    const detail = [stringOf(candidates[0]?.finishMessage), text].filter(Boolean).join(' ');
    const message = `${target.provider} ${target.model} returned no image (${reason})${detail ? `: ${detail}` : ''}`;
    throw REFUSED.has(reason) ? new ContentModerationError({ ...common, message }) : new GenerationFailedError({ ...common, message, providerErrorType: reason });
  }
  const cost = usageCost(response.usageMetadata);
  return { requestId, images, contentType: images[0]?.mediaType, rawResponse, ...(cost ? { cost } : {}) };
}
