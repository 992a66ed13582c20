import { constant, describeValue, enumField, imageListField, mapRequest, passthrough, type FieldMapper, type ImageGenerationRequest, type PrepareContext, type PreparedRequest } from '@tarash/core';
import type { GoogleSettings } from '../config/google-provider-config';
import type { GeminiImageCapabilities } from '../models/google-model-catalog';
import { refuseCloudStorageOnGeminiApi } from './cloud-storage-inputs';
import { chooseMappers, definedMappers, seedField, splitFields } from './google-field-mappers';

/** A `generateContent` body for image output. */
export interface GeminiImageRequestBody {
  readonly contents: readonly [{ readonly role: 'user'; readonly parts: readonly unknown[] }];
  readonly generationConfig: Record<string, unknown>;
  readonly [topLevel: string]: unknown;
}

/** Aspect ratios of `imageConfig.aspectRatio` (Discovery `ImageConfig`; support varies by model [C]). */
export const GEMINI_ASPECT_RATIOS = ['1:1', '1:4', '4:1', '1:8', '8:1', '2:3', '3:2', '3:4', '4:3', '4:5', '5:4', '9:16', '16:9', '21:9'] as const;

/** `imageConfig.imageSize` tiers by the longest side they reach. */
const SIZE_TIERS = [
  { tier: '1K', side: 1024 },
  { tier: '2K', side: 2048 },
  { tier: '4K', side: 4096 },
] as const;

/** `GenerateContentRequest` fields that `extraParams` set at the top level; any other key goes to `generationConfig`. */
const TOP_LEVEL_FIELDS = ['safetySettings', 'systemInstruction', 'tools', 'toolConfig', 'cachedContent', 'labels'];

/** Flat mapped keys that become the user turn's parts. */
const PART_FIELDS = ['text', 'images'];

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * `imageConfig` from `aspectRatio` and `size`: the ratio of `size` (when no aspect ratio is
 * given) and the smallest `imageSize` tier that covers its longest side. Gemini 2.x image
 * models have no size tiers [C]; for them `size` only sets the ratio, with a warning.
 */
function imageConfigField(capabilities: GeminiImageCapabilities): FieldMapper<ImageGenerationRequest> {
  const ratioField = enumField<ImageGenerationRequest, 'aspectRatio'>('aspectRatio', GEMINI_ASPECT_RATIOS);
  return (context) => {
    const aspectRatio = ratioField(context) as string | undefined;
    const size = context.use('size');
    if (size === undefined) return aspectRatio === undefined ? undefined : { aspectRatio };
    const [width, height] = size.split('x').map(Number) as [number, number];
    const divisor = gcd(width, height);
    const sizeRatio = `${width / divisor}:${height / divisor}`;
    if (aspectRatio === undefined && !(GEMINI_ASPECT_RATIOS as readonly string[]).includes(sizeRatio)) {
      context.invalid({ field: 'size', value: size, message: `has the aspect ratio ${sizeRatio}, which ${context.model} does not make`, allowed: GEMINI_ASPECT_RATIOS });
    }
    if (aspectRatio !== undefined && aspectRatio !== sizeRatio) {
      context.invalid({ field: 'aspectRatio', value: aspectRatio, message: `disagrees with size ${size} (${sizeRatio})`, allowed: [sizeRatio] });
    }
    const longest = Math.max(width, height);
    const tier = SIZE_TIERS.find((candidate) => longest <= candidate.side)?.tier;
    if (tier === undefined) context.invalid({ field: 'size', value: size, message: `is larger than the largest tier (4K, ${SIZE_TIERS[2].side} px)` });
    if (!capabilities.imageSize) {
      if (tier !== '1K') context.warn(`size ${size}: ${context.model} makes images of about 1024 px; only the aspect ratio ${sizeRatio} was sent`);
      return { aspectRatio: sizeRatio };
    }
    return { aspectRatio: sizeRatio, imageSize: tier };
  };
}

/** `n`: these models make one image per request; asking for more is reported, not refused. */
const oneImageField: FieldMapper<ImageGenerationRequest> = (context) => {
  const n = context.use('n');
  if (n !== undefined && n > 1) context.warn(`n (${describeValue(n)}): ${context.model} makes one image per request; one was asked for`);
  return undefined;
};

/**
 * Validates an image request for a Gemini native image model and maps it to a
 * `generateContent` body (wire.md §4.4): the prompt and the input images (roles `reference`,
 * `asset`, `style`) as the user turn, `responseModalities` `TEXT`+`IMAGE`, `imageConfig`, `seed`.
 * `extraParams` go to `generationConfig`, except the request's own top-level fields
 * (`safetySettings`, `systemInstruction`, `tools`, `toolConfig`, `cachedContent`, `labels`).
 */
export function prepareGeminiImageRequest(
  request: ImageGenerationRequest,
  context: PrepareContext,
  capabilities: GeminiImageCapabilities,
  settings: GoogleSettings,
): PreparedRequest<GeminiImageRequestBody> {
  const target = { provider: context.provider, model: context.model };
  refuseCloudStorageOnGeminiApi(request, settings, target);
  const mappers = definedMappers<ImageGenerationRequest>({
    text: passthrough('prompt'),
    images: imageListField({ roles: ['reference', 'asset', 'style'] }),
    responseModalities: constant(['TEXT', 'IMAGE']),
    imageConfig: imageConfigField(capabilities),
    seed: seedField(),
    candidateCount: oneImageField,
  });
  const { body, warnings } = mapRequest(request, chooseMappers(context, mappers), { ...target, strict: context.strict });
  const [partFields, rest] = splitFields(body, PART_FIELDS);
  const [topLevel, generationConfig] = splitFields(rest, TOP_LEVEL_FIELDS);
  const parts = [...(partFields.text === undefined ? [] : [{ text: partFields.text }]), ...((partFields.images as unknown[] | undefined) ?? [])];
  return { ...target, body: { contents: [{ role: 'user', parts }], generationConfig, ...topLevel }, warnings, route: { family: 'gemini-image' } };
}
