import { durationField, enumField, imageField, passthrough } from '@tarash/core';
import type { ReplicateVideoModel } from './replicate-model';

const LUMA_ASPECT_RATIOS = ['1:1', '3:4', '4:3', '9:16', '16:9', '9:21', '21:9'];

/**
 * Luma Ray (Dream Machine): prompt, aspect_ratio (enum shown on the page), loop,
 * start_image_url, end_image_url; no duration. Source: replicate.com luma/ray version API
 * page — high.
 */
export const lumaRay: ReplicateVideoModel = {
  modality: 'video',
  ids: ['luma/ray'],
  source: 'replicate.com luma/ray version API page',
  confidence: 'high',
  mappers: {
    prompt: passthrough('prompt'),
    aspect_ratio: enumField('aspectRatio', LUMA_ASPECT_RATIOS),
    start_image_url: imageField({ roles: ['first_frame'] }),
    end_image_url: imageField({ roles: ['last_frame'] }),
  },
};

/**
 * Luma Ray 2 / Ray Flash 2 (540p, 720p): prompt, start_image, end_image (the `_url` names are
 * deprecated), duration 5|9, aspect_ratio, loop, concepts. Source: replicate.com version API
 * pages (names high); durations 5|9 from Luma's API and the aspect ratios from luma/ray (medium).
 */
export const lumaRay2: ReplicateVideoModel = {
  modality: 'video',
  ids: ['luma/ray-2-720p', 'luma/ray-2-540p', 'luma/ray-flash-2-720p', 'luma/ray-flash-2-540p'],
  source: 'replicate.com luma/ray-2-* and ray-flash-2-* version API pages; Luma API docs',
  confidence: 'medium',
  mappers: {
    prompt: passthrough('prompt'),
    start_image: imageField({ roles: ['first_frame'] }),
    end_image: imageField({ roles: ['last_frame'] }),
    duration: durationField({ allowed: [5, 9] }),
    aspect_ratio: enumField('aspectRatio', LUMA_ASPECT_RATIOS),
  },
};
