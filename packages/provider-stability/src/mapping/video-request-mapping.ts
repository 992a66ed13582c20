import {
  imageField,
  mapRequest,
  passthrough,
  PendingMedia,
  ValidationError,
  type FieldMappers,
  type PrepareContext,
  type PreparedRequest,
  type ValidationIssue,
  type VideoGenerationRequest,
} from '@tarash/core';
import { STABILITY_IMAGE_MODELS, STABILITY_VIDEO_MODEL } from '../models/stability-models';
import { readStabilityProviderConfig } from '../stability-provider-config';
import { fieldOrigin } from './field-origin';
import { bytesNow, checkFirstFrame } from './first-frame';
import { checkFormBody, VIDEO_FIELD_RULES, type StabilityFormBody } from './form-field-rules';

/**
 * The built-in mapping: the `first_frame` image (required) and `seed`. Stable Video Diffusion
 * takes no text, so the required `prompt` is consumed with a warning rather than reported as
 * unused (which would make strict mode impossible to satisfy).
 */
const VIDEO_FIELD_MAPPERS: FieldMappers<VideoGenerationRequest> = {
  image: imageField({ roles: ['first_frame'], required: true }),
  seed: passthrough('seed'),
  prompt: (context) => {
    context.use('prompt');
    context.warn(`prompt was not sent: ${context.provider} ${context.model} animates the first frame without a text prompt`);
    return undefined;
  },
};

/** The first frame's size when its bytes are at hand; a wrong size or format is an issue now. */
function firstFrameIssues(image: unknown): ValidationIssue[] {
  if (!(image instanceof PendingMedia)) return [];
  const bytes = bytesNow(image.input);
  if (!bytes) return [];
  const checked = checkFirstFrame(bytes, image.source);
  return 'issue' in checked ? [checked.issue] : [];
}

/**
 * Validates a video request for Stability's image-to-video and maps it to multipart fields.
 * Pure and synchronous: a first frame given as bytes is checked here (PNG/JPEG, 1024x576,
 * 576x1024 or 768x768); one given as a URL or Blob is checked when the job starts, before
 * anything is sent. `cfg_scale` and `motion_bucket_id` come through `extraParams`.
 */
export function prepareStabilityVideo(request: VideoGenerationRequest, context: PrepareContext): PreparedRequest<StabilityFormBody> {
  const target = { provider: context.provider, model: context.model };
  if (context.model !== STABILITY_VIDEO_MODEL) {
    const hint = context.model in STABILITY_IMAGE_MODELS ? 'is an image model; use generateImage' : 'is not a Stability video model';
    throw new ValidationError({ ...target, issues: [{ field: 'config.model', value: context.model, message: hint, allowed: [STABILITY_VIDEO_MODEL] }] });
  }
  readStabilityProviderConfig(context.providerConfig, target);
  const { numberOfVideos, ...single } = request;
  if (numberOfVideos !== undefined && numberOfVideos !== 1) {
    throw new ValidationError({
      ...target,
      issues: [{ field: 'numberOfVideos', value: numberOfVideos, message: `${context.provider} makes one video per job; start one job per video`, allowed: [1] }],
    });
  }
  const mappers = (context.fieldMappers as FieldMappers<VideoGenerationRequest> | undefined) ?? VIDEO_FIELD_MAPPERS;
  const mapped = mapRequest(single, mappers, { ...target, strict: context.strict });
  const checked = checkFormBody(mapped.body, VIDEO_FIELD_RULES, fieldOrigin(request.extraParams), '/v2beta/image-to-video');
  const issues = [...checked.issues, ...firstFrameIssues(mapped.body.image)];
  if (mapped.body.image === undefined && !issues.some((issue) => issue.field === 'imageList')) {
    issues.push({ field: 'imageList', message: 'image-to-video requires an image with role "first_frame"', allowed: ['first_frame'] });
  }
  if (issues.length > 0) throw new ValidationError({ ...target, issues });
  return {
    provider: context.provider,
    model: context.model,
    body: mapped.body as StabilityFormBody,
    warnings: [...mapped.warnings, ...checked.warnings],
    route: { path: '/v2beta/image-to-video' },
  };
}
