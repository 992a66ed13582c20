import { imageField, mediaField, passthrough, enumField } from '@tarash/core';
import { IMAGE_ASPECT_RATIOS, integerRangeField, sizeDimensionField } from './replicate-mappers';
import type { ReplicateImageModel } from './replicate-model';

/**
 * Stable Diffusion 3.5 Large / Large Turbo / Medium: prompt, aspect_ratio (enum — high), image
 * (image-to-image with prompt_strength), cfg, steps, seed, output_format. The current schema has
 * no negative prompt. Source: replicate.com stability-ai/stable-diffusion-3.5-large version API page.
 */
export const stableDiffusion35: ReplicateImageModel = {
  modality: 'image',
  ids: ['stability-ai/stable-diffusion-3.5-large', 'stability-ai/stable-diffusion-3.5-large-turbo', 'stability-ai/stable-diffusion-3.5-medium'],
  source: 'replicate.com stability-ai/stable-diffusion-3.5-large version API page',
  confidence: 'high',
  mappers: {
    prompt: passthrough('prompt'),
    aspect_ratio: enumField('aspectRatio', IMAGE_ASPECT_RATIOS),
    image: imageField({ roles: ['reference', 'asset'] }),
    seed: passthrough('seed'),
  },
};

/**
 * SDXL, a community model run by version (the one below is the version most public code pins).
 * prompt, negative_prompt, image + mask (img2img / inpainting), width/height, num_outputs 1..4,
 * seed. Source: Replicate's stability-ai/sdxl schema as used in public code (medium-high).
 */
export const sdxl: ReplicateImageModel = {
  modality: 'image',
  ids: ['stability-ai/sdxl'],
  source: 'stability-ai/sdxl schema as used across public replicate.run code',
  confidence: 'medium',
  defaultVersion: '7762fd07cf82c948538e41f63f77d685e02b063e37e496e96eefd46c929f9bdc',
  mappers: {
    prompt: passthrough('prompt'),
    negative_prompt: passthrough('negativePrompt'),
    width: sizeDimensionField('width', { min: 128, max: 1536, multipleOf: 8 }),
    height: sizeDimensionField('height', { min: 128, max: 1536, multipleOf: 8 }),
    num_outputs: integerRangeField('n', 1, 4),
    image: imageField({ roles: ['reference', 'asset'] }),
    mask: mediaField('maskImage', 'image'),
    seed: passthrough('seed'),
  },
};
