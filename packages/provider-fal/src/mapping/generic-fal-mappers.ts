import {
  imageField,
  imageListField,
  mediaField,
  passthrough,
  type FieldMappers,
  type ImageGenerationRequest,
  type Modality,
  type VideoGenerationRequest,
} from '@tarash/core';

/**
 * The mapping of fal endpoints without a generated definition, in fal's most common field
 * names. Nothing is validated (there is no schema), so values go as given: `duration` is the
 * number of seconds. Endpoint-specific fields go in `extraParams`.
 */
export const genericFalVideoMappers: FieldMappers<VideoGenerationRequest> = {
  prompt: passthrough('prompt'),
  negative_prompt: passthrough('negativePrompt'),
  seed: passthrough('seed'),
  aspect_ratio: passthrough('aspectRatio'),
  duration: passthrough('durationSeconds'),
  resolution: passthrough('resolution'),
  image_url: imageField({ roles: ['first_frame'] }),
  image_urls: imageListField({ roles: ['reference', 'asset', 'style'] }),
  video_url: mediaField('video', 'video'),
  audio_url: mediaField('audio', 'audio'),
};

/** The image counterpart of {@link genericFalVideoMappers}: `num_images` from `n`, `image_size` from `size`. */
export const genericFalImageMappers: FieldMappers<ImageGenerationRequest> = {
  prompt: passthrough('prompt'),
  negative_prompt: passthrough('negativePrompt'),
  seed: passthrough('seed'),
  aspect_ratio: passthrough('aspectRatio'),
  num_images: passthrough('n'),
  image_size: passthrough('size', (size) => {
    const [width, height] = size.split('x').map(Number);
    return { width, height };
  }),
  image_urls: imageListField({ roles: ['reference', 'asset', 'style', 'first_frame'] }),
  mask_url: mediaField('maskImage', 'image'),
};

/** The generic mapping of a modality. */
export function genericFalMappers(modality: Modality): FieldMappers {
  return (modality === 'video' ? genericFalVideoMappers : genericFalImageMappers) as FieldMappers;
}
