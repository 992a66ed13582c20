import { durationField, enumField, imageField, passthrough, type FieldMappers, type VideoGenerationRequest } from '@tarash/core';
import type { ReplicateVideoModel } from './replicate-model';

const KLING_ASPECT_RATIOS = ['16:9', '9:16', '1:1'];
const KLING_DURATIONS = [5, 10];
const KLING_MODES: Readonly<Record<string, string>> = { '720p': 'standard', '1080p': 'pro' };

const klingCommon = {
  prompt: passthrough('prompt'),
  negative_prompt: passthrough('negativePrompt'),
  duration: durationField({ allowed: KLING_DURATIONS }),
} satisfies FieldMappers<VideoGenerationRequest>;

/**
 * Kling v2.1 (image-to-video only: `start_image` is required; `end_image` works in pro mode).
 * `mode` is Replicate's resolution switch: standard = 720p, pro = 1080p. Source: Replicate's
 * kwaivgi/kling-v2.1 schema as copied by api.core.today (mode standard|pro, duration 5|10,
 * start_image required, end_image pro only) — medium.
 */
export const klingV21: ReplicateVideoModel = {
  modality: 'video',
  ids: ['kwaivgi/kling-v2.1'],
  source: 'Replicate kwaivgi/kling-v2.1 input schema (third-party copy)',
  confidence: 'medium',
  mappers: {
    ...klingCommon,
    start_image: imageField({ roles: ['first_frame'], required: true }),
    end_image: imageField({ roles: ['last_frame'] }),
    mode: (context) => {
      const resolution = context.use('resolution');
      if (resolution === undefined) return undefined;
      const mode = KLING_MODES[resolution.toLowerCase()];
      if (!mode) context.invalid({ field: 'resolution', value: resolution, message: `${context.model} renders 720p (standard mode) or 1080p (pro mode)`, allowed: Object.keys(KLING_MODES) });
      return mode;
    },
  },
};

/**
 * Kling v2.1 Master, v2.5 Turbo Pro and v1.6 Standard/Pro: prompt, negative_prompt,
 * start_image, aspect_ratio (ignored with a start image), duration. v2.5 Turbo Pro and v1.6 Pro
 * also take `end_image`. Source: replicate.com version API pages (field names high); aspect
 * ratios 16:9|9:16|1:1 and durations 5|10 from Kling's API docs (medium).
 */
export const klingTextOrImage: ReplicateVideoModel = {
  modality: 'video',
  ids: ['kwaivgi/kling-v2.1-master', 'kwaivgi/kling-v1.6-standard'],
  source: 'replicate.com version API pages of kwaivgi/kling-v2.1-master and kling-v1.6-standard',
  confidence: 'medium',
  mappers: {
    ...klingCommon,
    start_image: imageField({ roles: ['first_frame'] }),
    aspect_ratio: enumField('aspectRatio', KLING_ASPECT_RATIOS),
  },
};

/** Kling v2.5 Turbo Pro and v1.6 Pro: {@link klingTextOrImage} plus `end_image`. */
export const klingFirstLast: ReplicateVideoModel = {
  ...klingTextOrImage,
  ids: ['kwaivgi/kling-v2.5-turbo-pro', 'kwaivgi/kling-v1.6-pro'],
  source: 'replicate.com version API pages of kwaivgi/kling-v2.5-turbo-pro (start_image, end_image)',
  mappers: { ...klingTextOrImage.mappers, end_image: imageField({ roles: ['last_frame'] }) },
};
