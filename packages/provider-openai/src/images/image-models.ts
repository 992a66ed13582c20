/** The Images API model families; each has its own sizes, counts and parameters. */
export type ImageFamily = 'gpt-image' | 'dall-e-3' | 'dall-e-2';

/** What one image model accepts (from the OpenAPI spec text, `wire.md` §3.3). */
export interface ImageModelRules {
  readonly family: ImageFamily;
  /** Exact sizes (`"WxH"` or `auto`). */
  readonly sizes: readonly string[];
  /** Any `WxH` with both edges multiples of 16, aspect within 1:3..3:1, edges up to 3840 (gpt-image-2). */
  readonly freeformSizes: boolean;
  /** Aspect ratio → size, for requests that give `aspectRatio` instead of `size`. */
  readonly aspectRatios: Readonly<Record<string, string>>;
  readonly maxImages: number;
  readonly qualities: readonly string[];
  /** Empty when the model has no style. */
  readonly styles: readonly string[];
  /** `response_format` values (dall-e only; gpt-image always answers `b64_json`). */
  readonly responseFormats: readonly string[];
  /** Input images an edit takes (0: no edits). */
  readonly maxInputImages: number;
  /** gpt-image-only parameters: `output_format`, `background`, `output_compression`, `moderation`, `input_fidelity`. */
  readonly gptImageParameters: boolean;
}

const GPT_IMAGE: ImageModelRules = {
  family: 'gpt-image',
  sizes: ['1024x1024', '1536x1024', '1024x1536', 'auto'],
  freeformSizes: false,
  aspectRatios: { '1:1': '1024x1024', '3:2': '1536x1024', '2:3': '1024x1536', auto: 'auto' },
  maxImages: 10,
  qualities: ['low', 'medium', 'high', 'auto'],
  styles: [],
  responseFormats: [],
  maxInputImages: 16,
  gptImageParameters: true,
};

const GPT_IMAGE_FREEFORM: ImageModelRules = { ...GPT_IMAGE, freeformSizes: true };

const DALL_E_3: ImageModelRules = {
  family: 'dall-e-3',
  sizes: ['1024x1024', '1792x1024', '1024x1792'],
  freeformSizes: false,
  aspectRatios: { '1:1': '1024x1024', '16:9': '1792x1024', '7:4': '1792x1024', '9:16': '1024x1792', '4:7': '1024x1792' },
  maxImages: 1,
  qualities: ['standard', 'hd', 'auto'],
  styles: ['vivid', 'natural'],
  responseFormats: ['url', 'b64_json'],
  maxInputImages: 0,
  gptImageParameters: false,
};

const DALL_E_2: ImageModelRules = {
  family: 'dall-e-2',
  sizes: ['256x256', '512x512', '1024x1024'],
  freeformSizes: false,
  aspectRatios: { '1:1': '1024x1024' },
  maxImages: 10,
  qualities: ['standard', 'auto'],
  styles: [],
  responseFormats: ['url', 'b64_json'],
  maxInputImages: 1,
  gptImageParameters: false,
};

/** The image models this package knows by exact id. */
export const OPENAI_IMAGE_MODELS: Readonly<Record<string, ImageModelRules>> = {
  'gpt-image-1': GPT_IMAGE,
  'gpt-image-1-mini': GPT_IMAGE,
  'gpt-image-1.5': GPT_IMAGE,
  'gpt-image-2': GPT_IMAGE_FREEFORM,
  'gpt-image-2-2026-04-21': GPT_IMAGE_FREEFORM,
  'chatgpt-image-latest': GPT_IMAGE,
  'dall-e-3': DALL_E_3,
  'dall-e-2': DALL_E_2,
};

/** The rules of an image model, and a warning when they were inferred from its family. */
export interface ResolvedImageModel {
  readonly rules: ImageModelRules;
  readonly warning?: string;
}

/**
 * The rules for `model`: an exact id, or an unknown `gpt-image-*` treated with the gpt-image
 * family rules (newer models are released under that declared family name; gpt-image-2 and
 * later take free-form sizes). Undefined for any other model.
 */
export function resolveImageModel(model: string): ResolvedImageModel | undefined {
  const known = OPENAI_IMAGE_MODELS[model];
  if (known) return { rules: known };
  const family = /^gpt-image-(\d+)/.exec(model);
  if (!family) return undefined;
  const freeform = Number(family[1]) >= 2;
  return {
    rules: freeform ? GPT_IMAGE_FREEFORM : GPT_IMAGE,
    warning: `${model} is not a known OpenAI image model; it was validated with the gpt-image family rules${freeform ? ' (free-form WxH sizes)' : ''}`,
  };
}

/** Whether `size` is a free-form gpt-image-2 size: multiples of 16, aspect within 3:1, edges up to 3840. */
export function isFreeformSize(size: string): boolean {
  const match = /^(\d+)x(\d+)$/.exec(size);
  if (!match) return false;
  const width = Number(match[1]);
  const height = Number(match[2]);
  return width % 16 === 0 && height % 16 === 0 && Math.max(width, height) <= 3840 && Math.max(width, height) <= 3 * Math.min(width, height);
}

/**
 * A free-form size for an aspect ratio: the long edge 1536 px, the short edge rounded to a
 * multiple of 16 (16:9 → 1536x864, the spec's own example). Undefined beyond 3:1.
 */
export function freeformSizeFor(aspectRatio: string): string | undefined {
  const [w, h] = aspectRatio.split(':').map(Number);
  if (!w || !h || Math.max(w, h) > 3 * Math.min(w, h)) return undefined;
  const short = Math.round((1536 * Math.min(w, h)) / Math.max(w, h) / 16) * 16;
  return w >= h ? `1536x${short}` : `${short}x1536`;
}
