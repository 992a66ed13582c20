import {
  ValidationError,
  constant,
  durationField,
  imageField,
  mapRequest,
  passthrough,
  type FieldMapper,
  type FieldMappers,
  type PrepareContext,
  type PreparedRequest,
  type VideoGenerationRequest,
} from '@tarash/core';
import type { ApiFlavor } from '../transport/api-target';
import { SORA_MODELS, resolveSoraModel, type SoraModelRules } from './video-models';

const ASPECT_RATIOS = ['16:9', '9:16'];

/** An OpenAI video URL (`…/videos/video_123` or `…/videos/video_123/content`): its id names a video to remix. */
const VIDEO_URL = /\/videos\/(video_[\w-]+)(?:\/content)?(?:[?#].*)?$/;

function sizeField(rules: SoraModelRules): FieldMapper<VideoGenerationRequest> {
  return (context) => {
    const aspectRatio = context.use('aspectRatio');
    const resolution = context.use('resolution');
    if (aspectRatio === undefined && resolution === undefined) return undefined;
    const sizes = rules.resolutions[resolution ?? '720p'];
    if (sizes === undefined) {
      return context.invalid({
        field: 'resolution',
        value: resolution,
        message: `not supported by ${context.provider} ${context.model} (1080p is not in the API spec; pass extraParams.size, e.g. "1920x1080", if your account has it)`,
        allowed: Object.keys(rules.resolutions),
      });
    }
    // Sora's default orientation is portrait (720x1280).
    const orientation = aspectRatio ?? '9:16';
    if (!ASPECT_RATIOS.includes(orientation)) {
      context.invalid({ field: 'aspectRatio', value: orientation, message: `not supported by ${context.provider} ${context.model}`, allowed: ASPECT_RATIOS });
    }
    return orientation === '16:9' ? sizes.landscape : sizes.portrait;
  };
}

/** Sora 2 always makes a soundtrack: `true` is what happens anyway, `false` cannot be honoured. */
const audioField: FieldMapper<VideoGenerationRequest> = (context) => {
  if (context.use('generateAudio') === false) context.warn('generateAudio (false) was not honoured: Sora 2 always generates audio');
  return undefined;
};

/** One video per job: `numberOfVideos` above 1 is an error. */
const singleVideo: FieldMapper<VideoGenerationRequest> = (context) => {
  const count = context.use('numberOfVideos');
  if (count !== undefined && count !== 1) {
    context.invalid({ field: 'numberOfVideos', value: count, message: `${context.provider} ${context.model} makes one video per job`, allowed: [1] });
  }
  return undefined;
};

/** The built-in field mapping of a Sora model for `POST /videos`. */
export function videoFieldMappers(rules: SoraModelRules, wireModel: string | undefined): FieldMappers<VideoGenerationRequest> {
  return {
    ...(wireModel !== undefined ? { model: constant(wireModel) } : {}),
    prompt: passthrough('prompt'),
    seconds: durationField({ allowed: rules.seconds }),
    size: sizeField(rules),
    input_reference: imageField({ roles: ['first_frame', 'reference'] }),
    generate_audio: audioField,
    number_of_videos: singleVideo,
  };
}

/** The video a request asks to remix: `extraParams.remixVideoId`, or `video` given as an OpenAI video URL. */
function remixSource(request: VideoGenerationRequest, target: { readonly provider: string; readonly model: string }): string | undefined {
  const fromParams = request.extraParams?.remixVideoId;
  if (fromParams !== undefined) {
    if (typeof fromParams !== 'string' || !/^video_[\w-]+$/.test(fromParams)) {
      throw new ValidationError({ ...target, issues: [{ field: 'extraParams.remixVideoId', value: fromParams, message: 'must be an OpenAI video id such as "video_123"' }] });
    }
    return fromParams;
  }
  return typeof request.video === 'string' ? VIDEO_URL.exec(request.video)?.[1] : undefined;
}

/**
 * Validates a standard video request for a Sora model and maps it (pure): `durationSeconds` →
 * `seconds` ("4" | "8" | "12"), `aspectRatio` + `resolution` → `size`, a first-frame or
 * reference image → `input_reference`. With `extraParams.remixVideoId` (or `video` given as an
 * OpenAI video URL) it is a remix, which takes only the prompt.
 */
export function prepareVideoRequest(request: VideoGenerationRequest, context: PrepareContext, flavor: ApiFlavor): PreparedRequest {
  const target = { provider: context.provider, model: context.model };
  const resolved = resolveSoraModel(context.model);
  if (!resolved) {
    throw new ValidationError({ ...target, issues: [{ field: 'config.model', value: context.model, message: 'is not an OpenAI video model', allowed: Object.keys(SORA_MODELS) }] });
  }
  const warnings = resolved.warning ? [resolved.warning] : [];
  const remixVideoId = remixSource(request, target);
  if (remixVideoId === undefined) {
    const mapped = mapRequest(request, context.fieldMappers ?? videoFieldMappers(resolved.rules, flavor.wireModel(context)), { ...target, strict: context.strict });
    return { ...target, body: mapped.body, warnings: [...warnings, ...mapped.warnings], route: { operation: 'create' } };
  }
  const { remixVideoId: _consumed, ...extraParams } = request.extraParams ?? {};
  const remixMappers: FieldMappers<VideoGenerationRequest> = { prompt: passthrough('prompt'), source_video: (c) => void c.use('video') };
  const mapped = mapRequest({ ...request, extraParams }, remixMappers, { ...target, strict: context.strict });
  return { ...target, body: mapped.body, warnings: [...warnings, ...mapped.warnings], route: { operation: 'remix', videoId: remixVideoId } };
}
