import { imageField, passthrough, type FieldMappers, type VideoGenerationRequest } from '@tarash/core';
import type { ReplicateVideoModel } from './replicate-model';

const wanInputs = {
  prompt: passthrough('prompt'),
  negative_prompt: passthrough('negativePrompt'),
  resolution: passthrough('resolution'),
  seed: passthrough('seed'),
} satisfies FieldMappers<VideoGenerationRequest>;

/**
 * Wan 2.2 (fast) on Replicate. Low confidence: no input schema of wan-video/wan-2.2-* was
 * available offline. The names (prompt, image, aspect_ratio, resolution, seed) follow
 * Replicate's other Wan models; the model takes a frame count rather than seconds, so
 * `durationSeconds` is not mapped (pass `num_frames` / `frames_per_second` in extraParams).
 * Values are passed through unchecked.
 */
export const wan22TextToVideo: ReplicateVideoModel = {
  modality: 'video',
  ids: ['wan-video/wan-2.2-t2v-fast', 'wan-video/wan-2.2-5b-fast'],
  source: "inferred from Replicate's other Wan models (no schema found)",
  confidence: 'low',
  mappers: { ...wanInputs, aspect_ratio: passthrough('aspectRatio') },
};

/** Wan 2.2 image-to-video (fast): the first frame is required. Low confidence, as {@link wan22TextToVideo}. */
export const wan22ImageToVideo: ReplicateVideoModel = {
  modality: 'video',
  ids: ['wan-video/wan-2.2-i2v-fast', 'wan-video/wan-2.2-i2v-a14b'],
  source: "inferred from Replicate's other Wan models (no schema found)",
  confidence: 'low',
  mappers: { ...wanInputs, image: imageField({ roles: ['first_frame'], required: true }) },
};
