import { caseInsensitiveEnumField, durationField, enumField, imageField, imageListField, passthrough, type FieldMappers, type VideoGenerationRequest } from '@tarash/core';
import type { ReplicateVideoModel } from './replicate-model';

const seedanceInputs = {
  prompt: passthrough('prompt'),
  image: imageField({ roles: ['first_frame'] }),
  last_frame_image: imageField({ roles: ['last_frame'] }),
  duration: durationField({ format: 'integer', min: 2, max: 12 }),
  resolution: caseInsensitiveEnumField('resolution', ['480p', '720p', '1080p']),
  aspect_ratio: enumField('aspectRatio', ['16:9', '4:3', '1:1', '3:4', '9:16', '21:9', '9:21']),
  seed: passthrough('seed'),
} satisfies FieldMappers<VideoGenerationRequest>;

/**
 * Seedance 1 Pro: prompt, image, last_frame_image, duration (integer 2..12), resolution,
 * aspect_ratio (ignored with an image), fps, camera_fixed, seed. Source: replicate.com version
 * API pages of bytedance/seedance-1-pro (duration min 2 max 12 — high); resolutions and aspect
 * ratios from ByteDance's Seedance API (medium). `fps`/`camera_fixed` go through extraParams.
 */
export const seedancePro: ReplicateVideoModel = {
  modality: 'video',
  ids: ['bytedance/seedance-1-pro', 'bytedance/seedance-1-pro-fast'],
  source: 'replicate.com bytedance/seedance-1-pro version API pages; ByteDance Seedance docs',
  confidence: 'medium',
  mappers: seedanceInputs,
};

/** Seedance 1 Lite: Pro's inputs plus `reference_images` (1..4; not with frames or 1080p, per its schema). */
export const seedanceLite: ReplicateVideoModel = {
  modality: 'video',
  ids: ['bytedance/seedance-1-lite'],
  source: 'replicate.com bytedance/seedance-1-lite version API page (reference_images 1-4)',
  confidence: 'medium',
  mappers: { ...seedanceInputs, reference_images: imageListField({ roles: ['reference'], min: 1, max: 4 }) },
};
