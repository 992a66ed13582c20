import {
  PendingMedia,
  caseInsensitiveEnumField,
  durationField,
  enumField,
  imageField,
  mapRequest,
  mediaField,
  passthrough,
  type FieldMapper,
  type PrepareContext,
  type PreparedRequest,
  type VideoGenerationRequest,
} from '@tarash/core';
import type { GoogleSettings } from '../config/google-provider-config';
import type { VeoCapabilities } from '../models/google-model-catalog';
import { refuseCloudStorageOnGeminiApi } from './cloud-storage-inputs';
import { chooseMappers, countField, definedMappers, notSent, seedField, splitFields } from './google-field-mappers';
import { MAX_VEO_REFERENCES, VEO_REFERENCE_ROLES, checkVeoImageRoles } from './veo-image-roles';

/** A Veo `predictLongRunning` body: one instance (prompt and media) and the parameters. */
export interface VeoRequestBody {
  readonly instances: readonly [Record<string, unknown>];
  readonly parameters: Record<string, unknown>;
}

/** Body fields that belong to `instances[0]`; everything else (extraParams included) goes to `parameters`. */
const INSTANCE_FIELDS = ['prompt', 'image', 'lastFrame', 'referenceImages', 'video'];

/** Veo's aspect ratios (wire.md §4.2). */
export const VEO_ASPECT_RATIOS = ['16:9', '9:16'] as const;

/** Resolutions Google documents for 8-second videos only [C]. */
const EIGHT_SECONDS_ONLY = ['1080p', '4k'];

type VideoMapper = FieldMapper<VideoGenerationRequest>;

/** `resolution`, case-insensitive, with a warning for the [C] "1080p/4k need 8 s" rule. */
function resolutionField(capabilities: VeoCapabilities): VideoMapper {
  const allowed = caseInsensitiveEnumField<VideoGenerationRequest, 'resolution'>('resolution', capabilities.resolutions);
  return (context) => {
    const resolution = allowed(context);
    const duration = context.peek('durationSeconds');
    if (typeof resolution === 'string' && EIGHT_SECONDS_ONLY.includes(resolution) && duration !== undefined && duration !== 8) {
      context.warn(`resolution ${resolution} with durationSeconds ${duration}: Google documents ${resolution} for 8-second videos only, so the request may be refused`);
    }
    return resolution;
  };
}

/** Reference images with Veo's `referenceType` (`reference` counts as an asset; SDK casing, wire.md §10). */
const referenceImagesField: VideoMapper = (context) => {
  const images = context.takeImages(VEO_REFERENCE_ROLES, MAX_VEO_REFERENCES);
  if (images.length === 0) return undefined;
  return images.map((image) => ({
    image: new PendingMedia(image.image, 'image', `imageList[${image.index}]`),
    referenceType: image.type === 'style' ? 'STYLE' : 'ASSET',
  }));
};

/**
 * `generateAudio`: Vertex AI takes it for Veo 3. Elsewhere the model's sound is fixed (the
 * Gemini API refuses the field and Veo 3 always makes audio there; Veo 2 is silent), so a
 * request asking for what it gets anyway is consumed quietly and the opposite is reported.
 */
function generateAudioField(capabilities: VeoCapabilities, settings: GoogleSettings, strict: boolean): VideoMapper {
  if (capabilities.audio && settings.api === 'vertex') return passthrough('generateAudio');
  const reason = capabilities.audio ? 'the Gemini API always adds audio with Veo 3 (Vertex AI can turn it off)' : `Veo ${capabilities.version} makes silent videos`;
  const refuse = notSent<VideoGenerationRequest>('generateAudio', reason, strict);
  return (context) => {
    if (context.peek('generateAudio') === !capabilities.audio) return refuse(context);
    context.use('generateAudio');
    return undefined;
  };
}

/**
 * Validates a video request for a Veo model and maps it to the `predictLongRunning` body
 * (wire.md §4.2, §4.6). Pure: media stay `PendingMedia` until the job starts.
 */
export function prepareVeoRequest(
  request: VideoGenerationRequest,
  context: PrepareContext,
  capabilities: VeoCapabilities,
  settings: GoogleSettings,
): PreparedRequest<VeoRequestBody> {
  const target = { provider: context.provider, model: context.model };
  checkVeoImageRoles(request.imageList, target);
  refuseCloudStorageOnGeminiApi(request, settings, target);
  const mappers = definedMappers<VideoGenerationRequest>({
    prompt: passthrough('prompt'),
    image: imageField({ roles: ['first_frame'] }),
    lastFrame: capabilities.lastFrame ? imageField({ roles: ['last_frame'] }) : undefined,
    referenceImages: capabilities.referenceImages ? referenceImagesField : undefined,
    video: capabilities.videoExtension ? mediaField('video', 'video') : undefined,
    aspectRatio: enumField('aspectRatio', VEO_ASPECT_RATIOS),
    durationSeconds: durationField({ allowed: capabilities.durations }),
    resolution: resolutionField(capabilities),
    negativePrompt: passthrough('negativePrompt'),
    sampleCount: countField('numberOfVideos', 1, 4),
    enhancePrompt: passthrough('enhancePrompt'),
    seed: settings.api === 'vertex' ? seedField() : notSent('seed', 'the Gemini API does not take it for Veo (Vertex AI does)', context.strict),
    generateAudio: generateAudioField(capabilities, settings, context.strict),
  });
  const { body, warnings } = mapRequest(request, chooseMappers(context, mappers), { ...target, strict: context.strict });
  const [instance, parameters] = splitFields(body, INSTANCE_FIELDS);
  return { ...target, body: { instances: [instance], parameters }, warnings, route: { family: 'veo' } };
}
