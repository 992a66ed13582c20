import type { HttpReply } from '../common/http-reply';
import { invalidParamReply } from './openai-errors';

/** The parameters of an image request that the per-model rules look at (multipart fields arrive as strings). */
export interface ImageParams {
  readonly model: string;
  readonly n: number;
  readonly size: string | undefined;
  readonly quality: string | undefined;
  readonly style: string | undefined;
  readonly responseFormat: string | undefined;
  readonly outputFormat: string | undefined;
  readonly background: string | undefined;
}

/** An image model family, as the Images API treats it. */
export type ImageFamily = 'gpt-image' | 'dall-e-3' | 'dall-e-2';

/** The family of a model id, or undefined for a model the Images API does not serve. */
export function imageFamily(model: string): ImageFamily | undefined {
  if (model.startsWith('gpt-image-') || model === 'chatgpt-image-latest') return 'gpt-image';
  if (model === 'dall-e-3' || model === 'dall-e-2') return model;
  return undefined;
}

const GPT_IMAGE_SIZES = ['1024x1024', '1536x1024', '1024x1536', 'auto'];
const SIZES: Readonly<Record<Exclude<ImageFamily, 'gpt-image'>, readonly string[]>> = {
  'dall-e-3': ['1024x1024', '1792x1024', '1024x1792'],
  'dall-e-2': ['256x256', '512x512', '1024x1024'],
};

/** gpt-image-2 takes any WxH with both edges multiples of 16, aspect within 1:3..3:1, up to 3840 px (spec text). */
function isFreeformSize(size: string): boolean {
  const match = /^(\d+)x(\d+)$/.exec(size);
  if (!match) return false;
  const [width, height] = [Number(match[1]), Number(match[2])];
  return width % 16 === 0 && height % 16 === 0 && Math.max(width, height) <= 3840 && Math.max(width, height) / Math.min(width, height) <= 3;
}

function allowedList(values: readonly string[]): string {
  return values.map((value) => `'${value}'`).join(', ');
}

/**
 * Checks what the spec text says about each model (sizes, `n`, quality, style, the
 * gpt-image-only and dall-e-only parameters). Returns the 400 OpenAI would send, or undefined.
 * The wording of these messages is the fake's own [C]; the rules are the spec's [A].
 */
export function checkImageParams(params: ImageParams, family: ImageFamily): HttpReply | undefined {
  const { size } = params;
  if (family === 'gpt-image') {
    if (params.responseFormat !== undefined) return invalidParamReply('response_format', "Unknown parameter: 'response_format'. GPT image models always return b64_json.", 'unknown_parameter');
    if (params.style !== undefined) return invalidParamReply('style', "Unknown parameter: 'style'. It is only supported for dall-e-3.", 'unknown_parameter');
    const freeform = params.model.startsWith('gpt-image-2');
    if (size !== undefined && !GPT_IMAGE_SIZES.includes(size) && !(freeform && isFreeformSize(size))) {
      return invalidParamReply('size', `Invalid size '${size}'. Supported sizes are ${allowedList(GPT_IMAGE_SIZES)}${freeform ? ', or WIDTHxHEIGHT with multiples of 16' : ''}.`);
    }
    if (params.quality !== undefined && !['low', 'medium', 'high', 'auto'].includes(params.quality)) {
      return invalidParamReply('quality', `Invalid quality '${params.quality}'. Supported values are 'low', 'medium', 'high' and 'auto'.`);
    }
    if (params.background === 'transparent' && params.outputFormat === 'jpeg') {
      return invalidParamReply('background', 'Transparent backgrounds need output_format png or webp.');
    }
    return undefined;
  }
  for (const [param, value] of [['output_format', params.outputFormat], ['background', params.background]] as const) {
    if (value !== undefined) return invalidParamReply(param, `Unknown parameter: '${param}'. It is only supported for the GPT image models.`, 'unknown_parameter');
  }
  const sizes = SIZES[family];
  if (size !== undefined && !sizes.includes(size)) return invalidParamReply('size', `Invalid size '${size}' for ${family}. Supported sizes are ${allowedList(sizes)}.`);
  if (family === 'dall-e-3' && params.n !== 1) return invalidParamReply('n', 'Invalid n: dall-e-3 only supports n=1.');
  if (params.style !== undefined && family !== 'dall-e-3') return invalidParamReply('style', "Unknown parameter: 'style'. It is only supported for dall-e-3.", 'unknown_parameter');
  const qualities = family === 'dall-e-3' ? ['standard', 'hd', 'auto'] : ['standard', 'auto'];
  if (params.quality !== undefined && !qualities.includes(params.quality)) {
    return invalidParamReply('quality', `Invalid quality '${params.quality}' for ${family}. Supported values are ${allowedList(qualities)}.`);
  }
  return undefined;
}
