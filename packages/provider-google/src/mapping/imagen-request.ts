import { constant, enumField, mapRequest, passthrough, type FieldMapper, type ImageGenerationRequest, type MappingContext, type PrepareContext, type PreparedRequest } from '@tarash/core';
import type { GoogleSettings } from '../config/google-provider-config';
import type { ImagenCapabilities } from '../models/google-model-catalog';
import { chooseMappers, countField, definedMappers, notSent, seedField, splitFields } from './google-field-mappers';

/** An Imagen `predict` body: one instance (the prompt) and the parameters. */
export interface ImagenRequestBody {
  readonly instances: readonly [Record<string, unknown>];
  readonly parameters: Record<string, unknown>;
}

/** Imagen's aspect ratios (wire.md §4.3). */
export const IMAGEN_ASPECT_RATIOS = ['1:1', '3:4', '4:3', '9:16', '16:9'] as const;

/** The pixel sizes Imagen makes, per aspect ratio and `sampleImageSize` [C: Google's tables]. */
const IMAGEN_SIZES: Readonly<Record<string, { readonly aspectRatio: string; readonly sampleImageSize: '1K' | '2K' }>> = {
  '1024x1024': { aspectRatio: '1:1', sampleImageSize: '1K' },
  '896x1280': { aspectRatio: '3:4', sampleImageSize: '1K' },
  '1280x896': { aspectRatio: '4:3', sampleImageSize: '1K' },
  '768x1408': { aspectRatio: '9:16', sampleImageSize: '1K' },
  '1408x768': { aspectRatio: '16:9', sampleImageSize: '1K' },
  '2048x2048': { aspectRatio: '1:1', sampleImageSize: '2K' },
  '1792x2560': { aspectRatio: '3:4', sampleImageSize: '2K' },
  '2560x1792': { aspectRatio: '4:3', sampleImageSize: '2K' },
  '1536x2816': { aspectRatio: '9:16', sampleImageSize: '2K' },
  '2816x1536': { aspectRatio: '16:9', sampleImageSize: '2K' },
};

type ImageContext = MappingContext<ImageGenerationRequest>;

/** The Imagen size a `size` request names, or a `ValidationError` listing the sizes the model makes. */
function imagenSize(context: ImageContext, capabilities: ImagenCapabilities) {
  const size = context.peek('size');
  if (size === undefined) return undefined;
  const allowed = Object.keys(IMAGEN_SIZES).filter((key) => capabilities.size2k || IMAGEN_SIZES[key]?.sampleImageSize === '1K');
  const entry = allowed.includes(size) ? IMAGEN_SIZES[size] : undefined;
  if (!entry) context.invalid({ field: 'size', value: size, message: `${context.provider} ${context.model} makes only these sizes`, allowed });
  return entry;
}

/** `aspectRatio`, given directly or implied by `size` (they must agree). */
function aspectRatioField(capabilities: ImagenCapabilities): FieldMapper<ImageGenerationRequest> {
  const direct = enumField<ImageGenerationRequest, 'aspectRatio'>('aspectRatio', IMAGEN_ASPECT_RATIOS);
  return (context) => {
    const aspectRatio = direct(context);
    const implied = imagenSize(context, capabilities)?.aspectRatio;
    if (aspectRatio !== undefined && implied !== undefined && aspectRatio !== implied) {
      context.invalid({ field: 'aspectRatio', value: aspectRatio, message: `disagrees with size ${context.peek('size')} (${implied})`, allowed: [implied] });
    }
    return aspectRatio ?? implied;
  };
}

/** `sampleImageSize` from `size`; only 2K is sent, 1K being the default of every model. */
function sampleImageSizeField(capabilities: ImagenCapabilities): FieldMapper<ImageGenerationRequest> {
  return (context) => {
    const entry = imagenSize(context, capabilities);
    context.use('size');
    return entry?.sampleImageSize === '2K' ? '2K' : undefined;
  };
}

/**
 * `seed` on Vertex AI. Vertex refuses a seed while `addWatermark` is on, its default [C], so
 * the caller is told to turn the watermark off through `extraParams`.
 */
const vertexSeedField: FieldMapper<ImageGenerationRequest> = (context) => {
  const seed = seedField<ImageGenerationRequest>()(context);
  if (seed !== undefined && context.peek('extraParams')?.addWatermark !== false) {
    context.warn('seed: Vertex AI takes a seed only without the watermark; set extraParams.addWatermark to false or the request may be refused');
  }
  return seed;
};

/**
 * Validates an image request for an Imagen model and maps it to the `predict` body (wire.md
 * §4.3): `n` → `sampleCount` (1..4, default 1 rather than Google's 4), aspect ratio and size,
 * `includeRaiReason` so filtered images are explained. `extraParams` go to `parameters`.
 */
export function prepareImagenRequest(
  request: ImageGenerationRequest,
  context: PrepareContext,
  capabilities: ImagenCapabilities,
  settings: GoogleSettings,
): PreparedRequest<ImagenRequestBody> {
  const target = { provider: context.provider, model: context.model };
  const vertex = settings.api === 'vertex';
  const mappers = definedMappers<ImageGenerationRequest>({
    prompt: passthrough('prompt'),
    sampleCount: countField('n', 1, 4, 1),
    aspectRatio: aspectRatioField(capabilities),
    sampleImageSize: sampleImageSizeField(capabilities),
    negativePrompt:
      vertex && capabilities.negativePrompt
        ? passthrough('negativePrompt')
        : notSent('negativePrompt', vertex ? `${context.model} takes no negative prompt` : 'the Gemini API does not take it for Imagen', context.strict),
    seed: vertex ? vertexSeedField : notSent('seed', 'the Gemini API does not take it for Imagen (Vertex AI does)', context.strict),
    includeRaiReason: constant(true),
  });
  const { body, warnings } = mapRequest(request, chooseMappers(context, mappers), { ...target, strict: context.strict });
  const [instance, parameters] = splitFields(body, ['prompt']);
  return { ...target, body: { instances: [instance], parameters }, warnings, route: { family: 'imagen' } };
}
