import { caseInsensitiveEnumField, durationField, imageField, imageListField, passthrough, type FieldMappers, type VideoGenerationRequest } from '@tarash/core';
import { WIDE_AND_TALL } from './replicate-mappers';
import type { ReplicateVideoModel } from './replicate-model';

const veo3Inputs = {
  prompt: passthrough('prompt'),
  image: imageField({ roles: ['first_frame'] }),
  negative_prompt: passthrough('negativePrompt'),
  aspect_ratio: caseInsensitiveEnumField('aspectRatio', WIDE_AND_TALL),
  duration: durationField({ allowed: [4, 6, 8] }),
  resolution: caseInsensitiveEnumField('resolution', ['720p', '1080p']),
  generate_audio: passthrough('generateAudio'),
  seed: passthrough('seed'),
} satisfies FieldMappers<VideoGenerationRequest>;

/**
 * Veo 3 / Veo 3 Fast. Source: replicate.com version pages of google/veo-3-fast (input schema:
 * prompt, aspect_ratio, duration, image, negative_prompt, resolution, generate_audio, seed).
 * Field names high confidence; the enum values (16:9|9:16, 4|6|8 s, 720p|1080p) are not shown
 * on those pages and come from Google's Veo 3 limits (medium). Older versions were 8 s only.
 */
export const veo3: ReplicateVideoModel = {
  modality: 'video',
  ids: ['google/veo-3', 'google/veo-3-fast'],
  source: 'replicate.com google/veo-3-fast version API pages; enum values from Google Veo 3 docs',
  confidence: 'medium',
  mappers: veo3Inputs,
};

/**
 * Veo 3.1 / Veo 3.1 Fast: Veo 3's inputs plus `last_frame` (first→last frame) and
 * `reference_images` (up to 3, Google's limit). Source: Replicate's model page as summarised by
 * third parties and Google's Veo 3.1 docs; no version page was available offline (medium).
 */
export const veo31: ReplicateVideoModel = {
  modality: 'video',
  ids: ['google/veo-3.1', 'google/veo-3.1-fast'],
  source: 'Replicate google/veo-3.1 model page (third-party copies); Google Veo 3.1 docs',
  confidence: 'medium',
  mappers: {
    ...veo3Inputs,
    last_frame: imageField({ roles: ['last_frame'] }),
    reference_images: imageListField({ roles: ['reference'], max: 3 }),
  },
};
