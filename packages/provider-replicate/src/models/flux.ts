import { enumField, imageField, passthrough, type FieldMapper, type FieldMappers, type ImageGenerationRequest } from '@tarash/core';
import { IMAGE_ASPECT_RATIOS, integerRangeField, sizeDimensionField } from './replicate-mappers';
import type { ReplicateImageModel } from './replicate-model';

const fluxBasics = {
  prompt: passthrough('prompt'),
  seed: passthrough('seed'),
} satisfies FieldMappers<ImageGenerationRequest>;

/**
 * FLUX.1 [schnell]: prompt, aspect_ratio, num_outputs (1..4), seed, plus output_format,
 * megapixels, go_fast through extraParams. Source: replicate.com black-forest-labs/flux-schnell
 * version API page (num_outputs min 1 max 4 — high); aspect ratios as listed for the flux
 * family on Replicate (medium).
 */
export const fluxSchnell: ReplicateImageModel = {
  modality: 'image',
  ids: ['black-forest-labs/flux-schnell'],
  source: 'replicate.com black-forest-labs/flux-schnell version API page',
  confidence: 'high',
  mappers: {
    ...fluxBasics,
    aspect_ratio: enumField('aspectRatio', IMAGE_ASPECT_RATIOS),
    num_outputs: integerRangeField('n', 1, 4),
  },
};

/** FLUX.1 [dev]: schnell's inputs plus `image` for image-to-image (with `prompt_strength` in extraParams). Medium. */
export const fluxDev: ReplicateImageModel = {
  modality: 'image',
  ids: ['black-forest-labs/flux-dev'],
  source: 'Replicate black-forest-labs/flux-dev input schema as listed by API resellers',
  confidence: 'medium',
  mappers: { ...fluxSchnell.mappers, image: imageField({ roles: ['reference', 'asset'] }) },
};

/** `custom` when an exact `size` is given (then `width`/`height` carry it), else the aspect ratio. */
function fluxProAspectRatio(): FieldMapper<ImageGenerationRequest> {
  const aspect = enumField<ImageGenerationRequest, 'aspectRatio'>('aspectRatio', [...IMAGE_ASPECT_RATIOS, 'custom']);
  return (context) => (context.peek('size') === undefined ? aspect(context) : 'custom');
}

/**
 * FLUX.1 [pro] and FLUX1.1 [pro]: prompt, aspect_ratio (or `custom` with width/height,
 * 256..1440 in multiples of 32), image_prompt (Redux), seed, safety_tolerance / output_format
 * in extraParams. One image per run. Source: BFL's API limits and Replicate's flux-1.1-pro
 * schema as listed by resellers (medium).
 */
export const fluxPro: ReplicateImageModel = {
  modality: 'image',
  ids: ['black-forest-labs/flux-pro', 'black-forest-labs/flux-1.1-pro'],
  source: "BFL API docs; Replicate flux-1.1-pro schema (resellers' copies)",
  confidence: 'medium',
  mappers: {
    ...fluxBasics,
    aspect_ratio: fluxProAspectRatio(),
    width: sizeDimensionField('width', { min: 256, max: 1440, multipleOf: 32 }),
    height: sizeDimensionField('height', { min: 256, max: 1440, multipleOf: 32 }),
    image_prompt: imageField({ roles: ['style', 'reference'] }),
  },
};

/**
 * FLUX1.1 [pro] Ultra: prompt, image_prompt (+ image_prompt_strength), aspect_ratio (the enum
 * below), safety_tolerance, seed, raw, output_format. Source: replicate.com version API page —
 * high.
 */
export const fluxProUltra: ReplicateImageModel = {
  modality: 'image',
  ids: ['black-forest-labs/flux-1.1-pro-ultra'],
  source: 'replicate.com black-forest-labs/flux-1.1-pro-ultra version API page',
  confidence: 'high',
  mappers: {
    ...fluxBasics,
    aspect_ratio: enumField('aspectRatio', ['21:9', '16:9', '3:2', '4:3', '5:4', '1:1', '4:5', '3:4', '2:3', '9:16', '9:21']),
    image_prompt: imageField({ roles: ['style', 'reference'] }),
  },
};

/**
 * FLUX.1 Kontext [pro] / [max] / [dev]: prompt, input_image (the image to edit), aspect_ratio
 * (`match_input_image` or a ratio between 21:9 and 9:21), seed, output_format and
 * safety_tolerance in extraParams. Source: BFL's Kontext API and Replicate's model pages as
 * quoted by guides (medium).
 */
export const fluxKontext: ReplicateImageModel = {
  modality: 'image',
  ids: ['black-forest-labs/flux-kontext-pro', 'black-forest-labs/flux-kontext-max', 'black-forest-labs/flux-kontext-dev'],
  source: 'BFL Kontext API docs; Replicate flux-kontext-* pages (guides)',
  confidence: 'medium',
  mappers: {
    ...fluxBasics,
    input_image: imageField({ roles: ['reference', 'asset'] }),
    aspect_ratio: enumField('aspectRatio', ['match_input_image', 'auto', ...IMAGE_ASPECT_RATIOS, '2:1', '1:2'], (ratio) => (ratio === 'auto' ? 'match_input_image' : ratio)),
  },
};
