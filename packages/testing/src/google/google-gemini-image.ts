import type { SampleMediaCache } from '../common/media/sample-media';
import { imageDimensions } from './google-image-size';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Tokens billed per generated image (Google documents 1290 for a 1K image [C for other sizes]). */
export const IMAGE_OUTPUT_TOKENS = 1290;

/** Tokens billed per input image [C]. */
const INPUT_IMAGE_TOKENS = 258;

interface RequestFacts {
  readonly promptTokens: number;
  readonly inputImages: number;
  readonly withText: boolean;
  readonly aspectRatio: unknown;
  readonly imageSize: unknown;
}

function factsOf(request: unknown): RequestFacts {
  const body = isObject(request) ? request : {};
  const parts = (Array.isArray(body.contents) ? body.contents : []).flatMap((content) => (isObject(content) && Array.isArray(content.parts) ? content.parts : []));
  const text = parts.map((part) => (isObject(part) && typeof part.text === 'string' ? part.text : '')).join(' ');
  const config = isObject(body.generationConfig) ? body.generationConfig : {};
  const imageConfig = isObject(config.imageConfig) ? config.imageConfig : {};
  const modalities = Array.isArray(config.responseModalities) ? config.responseModalities : ['TEXT', 'IMAGE'];
  return {
    promptTokens: Math.max(1, Math.ceil(text.length / 4)),
    inputImages: parts.filter((part) => isObject(part) && (part.inlineData !== undefined || part.fileData !== undefined)).length,
    withText: modalities.some((modality) => typeof modality === 'string' && modality.toUpperCase() === 'TEXT'),
    aspectRatio: imageConfig.aspectRatio,
    imageSize: imageConfig.imageSize,
  };
}

function usage(facts: RequestFacts, outputImages: number): JsonObject {
  const prompt = facts.promptTokens + facts.inputImages * INPUT_IMAGE_TOKENS;
  const candidates = outputImages * IMAGE_OUTPUT_TOKENS;
  return {
    promptTokenCount: prompt,
    candidatesTokenCount: candidates,
    totalTokenCount: prompt + candidates,
    promptTokensDetails: [
      { modality: 'TEXT', tokenCount: facts.promptTokens },
      ...(facts.inputImages > 0 ? [{ modality: 'IMAGE', tokenCount: facts.inputImages * INPUT_IMAGE_TOKENS }] : []),
    ],
    ...(outputImages > 0 ? { candidatesTokensDetails: [{ modality: 'IMAGE', tokenCount: candidates }] } : {}),
  };
}

/**
 * The `generateContent` answer of a successful image generation: one candidate with an
 * `inlineData` PNG at the requested `imageConfig` (and a text part when `TEXT` is among the
 * response modalities), `finishReason: STOP` and `usageMetadata`.
 */
export function geminiImageResponse(request: unknown, model: string, mediaCache: SampleMediaCache, responseId: string): JsonObject {
  const facts = factsOf(request);
  const { width, height } = imageDimensions(facts.aspectRatio, facts.imageSize);
  const image = mediaCache.get({ kind: 'image', width, height });
  const parts = [
    ...(facts.withText ? [{ text: 'Here is the image you asked for.' }] : []),
    { inlineData: { mimeType: image.contentType, data: Buffer.from(image.bytes).toString('base64') } },
  ];
  return {
    candidates: [{ content: { role: 'model', parts }, finishReason: 'STOP', index: 0 }],
    usageMetadata: usage(facts, 1),
    modelVersion: model,
    responseId,
  };
}

/** The answer when the generated image was blocked: a candidate with `finishReason: IMAGE_SAFETY` and no image. */
export function geminiImageBlockedResponse(request: unknown, model: string, responseId: string): JsonObject {
  return {
    candidates: [{ content: { role: 'model', parts: [] }, finishReason: 'IMAGE_SAFETY', index: 0 }],
    usageMetadata: usage(factsOf(request), 0),
    modelVersion: model,
    responseId,
  };
}
