import { imageField, passthrough, type FieldMappers, type ImageGenerationRequest, type VideoGenerationRequest } from '@tarash/core';

/**
 * The mapping for models without a built-in one: the input names most Replicate models share,
 * passed through unchecked. Anything else goes in extraParams.
 */
export const genericVideoInputs: FieldMappers<VideoGenerationRequest> = {
  prompt: passthrough('prompt'),
  negative_prompt: passthrough('negativePrompt'),
  aspect_ratio: passthrough('aspectRatio'),
  duration: passthrough('durationSeconds'),
  seed: passthrough('seed'),
  image: imageField({ roles: ['first_frame', 'reference'] }),
};

/** The generic mapping of image models (see {@link genericVideoInputs}). */
export const genericImageInputs: FieldMappers<ImageGenerationRequest> = {
  prompt: passthrough('prompt'),
  negative_prompt: passthrough('negativePrompt'),
  aspect_ratio: passthrough('aspectRatio'),
  num_outputs: passthrough('n'),
  seed: passthrough('seed'),
  image: imageField({ roles: ['reference', 'asset', 'first_frame'] }),
};
