import { caseInsensitiveEnumField, durationField, imageField, passthrough } from '@tarash/core';
import type { ReplicateVideoModel } from './replicate-model';

/**
 * MiniMax Hailuo 02: prompt, first_frame_image, last_frame_image, duration 6|10, resolution
 * 512p|768p|1080p, prompt_optimizer. Source: replicate.com version page of minimax/hailuo-02-fast
 * (first_frame_image, duration, prompt_optimizer) and MiniMax's Hailuo 02 API (resolutions;
 * 10 s is not offered at 1080p, which is left to the provider to refuse) — medium.
 */
export const hailuo02: ReplicateVideoModel = {
  modality: 'video',
  ids: ['minimax/hailuo-02'],
  source: 'replicate.com minimax/hailuo-02-fast version API page; MiniMax Hailuo 02 API docs',
  confidence: 'medium',
  mappers: {
    prompt: passthrough('prompt'),
    first_frame_image: imageField({ roles: ['first_frame'] }),
    last_frame_image: imageField({ roles: ['last_frame'] }),
    duration: durationField({ allowed: [6, 10] }),
    resolution: caseInsensitiveEnumField('resolution', ['512p', '768p', '1080p']),
    prompt_optimizer: passthrough('enhancePrompt'),
  },
};

/**
 * MiniMax Video-01 (6 s clips, no duration input): prompt, first_frame_image,
 * subject_reference (a character reference), prompt_optimizer. Source: public code calling
 * minimax/video-01 on Replicate with these names — medium.
 */
export const video01: ReplicateVideoModel = {
  modality: 'video',
  ids: ['minimax/video-01'],
  source: 'public replicate.run calls of minimax/video-01 and minimax/video-01-live',
  confidence: 'medium',
  mappers: {
    prompt: passthrough('prompt'),
    first_frame_image: imageField({ roles: ['first_frame'] }),
    subject_reference: imageField({ roles: ['reference'] }),
    prompt_optimizer: passthrough('enhancePrompt'),
  },
};
