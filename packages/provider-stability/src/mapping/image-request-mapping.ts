import {
  constant,
  enumField,
  mapRequest,
  passthrough,
  PendingMedia,
  ValidationError,
  mediaInputByteLength,
  type FieldMapper,
  type FieldMappers,
  type ImageGenerationRequest,
  type PrepareContext,
  type PreparedRequest,
  type ValidationIssue,
} from '@tarash/core';
import { STABILITY_IMAGE_MODELS, STABILITY_VIDEO_MODEL, type StabilityImageModel } from '../models/stability-models';
import { STABILITY_MAX_REQUEST_BYTES, STABILITY_STYLE_PRESETS } from '../models/stability-values';
import { readStabilityProviderConfig } from '../stability-provider-config';
import { aspectRatioField } from './aspect-ratio-field';
import { checkFormBody, IMAGE_FIELD_RULES, type StabilityFormBody } from './form-field-rules';
import { fieldOrigin } from './field-origin';

/** The image roles taken as the input image of image-to-image. */
const INPUT_IMAGE_ROLES = ['reference'] as const;

/** Routing of a prepared image request, kept in `PreparedRequest.route`. */
export interface StabilityImageRoute extends Record<string, string> {
  /** e.g. `/v2beta/stable-image/generate/sd3`. */
  readonly path: string;
}

/** Takes the one input image (role `reference`); more than one is an error, none leaves the field out. */
function inputImageField(model: StabilityImageModel): FieldMapper<ImageGenerationRequest> {
  return (context) => {
    const count = context.countImages(INPUT_IMAGE_ROLES);
    if (count === 0) return undefined;
    if (!model.imageToImage) {
      context.invalid({
        field: 'imageList',
        value: `${count} image(s) with role "reference"`,
        message: `${context.provider} ${model.id} has no image-to-image; use one of the models that take an input image`,
        allowed: Object.values(STABILITY_IMAGE_MODELS).filter((m) => m.imageToImage && !m.rerouteNote).map((m) => m.id),
      });
    }
    if (count > 1) context.invalid({ field: 'imageList', value: `${count} images with role "reference"`, message: `${context.provider} ${model.id} takes one input image` });
    const [image] = context.takeImages(INPUT_IMAGE_ROLES, 1);
    return image && new PendingMedia(image.image, 'image', `imageList[${image.index}]`);
  };
}

/**
 * The built-in mapping of a model. sd3 image-to-image ignores `aspect_ratio`, so it is left
 * unused (and reported) when an input image is given.
 */
function imageFieldMappers(model: StabilityImageModel, hasInputImage: boolean): FieldMappers<ImageGenerationRequest> {
  return {
    prompt: passthrough('prompt'),
    negative_prompt: passthrough('negativePrompt'),
    ...(model.endpoint === 'sd3' && hasInputImage ? {} : { aspect_ratio: aspectRatioField() }),
    seed: passthrough('seed'),
    style_preset: enumField('style', STABILITY_STYLE_PRESETS),
    image: inputImageField(model),
    ...(model.sd3Model ? { model: constant(model.sd3Model), mode: constant(hasInputImage ? 'image-to-image' : 'text-to-image') } : {}),
  };
}

/** The image model for a config's `model`, or a `ValidationError` listing the image models. */
function imageModelOf(context: PrepareContext): StabilityImageModel {
  const model = STABILITY_IMAGE_MODELS[context.model];
  if (model) return model;
  const hint = context.model === STABILITY_VIDEO_MODEL ? 'is a video model; use generateVideo' : 'is not a Stability image model';
  throw new ValidationError({
    provider: context.provider,
    model: context.model,
    issues: [{ field: 'config.model', value: context.model, message: hint, allowed: Object.keys(STABILITY_IMAGE_MODELS) }],
  });
}

/** Rules across fields: model comes from the config, image and strength go together. */
function crossFieldIssues(model: StabilityImageModel, body: Record<string, unknown>, origin: (field: string) => string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (model.sd3Model && body.model !== model.sd3Model) {
    issues.push({ field: origin('model'), value: body.model, message: `set the model in config.model instead`, allowed: [model.sd3Model] });
  }
  const image = body.image;
  const imageToImage = model.endpoint === 'ultra' ? image !== undefined : body.mode === 'image-to-image';
  const knownMode = body.mode === 'image-to-image' || body.mode === 'text-to-image';
  if (model.endpoint === 'sd3' && knownMode && (body.mode === 'image-to-image') !== (image !== undefined)) {
    issues.push({ field: origin('mode'), value: body.mode, message: image === undefined ? 'image-to-image needs an image with role "reference" in imageList' : 'must be image-to-image when an input image is given' });
  }
  if (imageToImage && body.strength === undefined) {
    issues.push({ field: 'extraParams.strength', message: 'is required with an input image: a number from 0 (keep the image) to 1 (ignore it)' });
  }
  const bytes = image instanceof PendingMedia ? mediaInputByteLength(image.input) : undefined;
  if (bytes !== undefined && bytes > STABILITY_MAX_REQUEST_BYTES) {
    issues.push({ field: (image as PendingMedia).source, value: (image as PendingMedia).input, message: `is ${bytes} bytes; Stability takes at most ${STABILITY_MAX_REQUEST_BYTES} bytes per request` });
  }
  return issues;
}

/**
 * Validates an image request for a Stability model and maps it to the endpoint's multipart
 * fields. Pure and synchronous. Stability returns one image per request, so `n` must be 1:
 * each image is a separate, separately billed call, and the caller decides how to retry each.
 */
export function prepareStabilityImage(request: ImageGenerationRequest, context: PrepareContext): PreparedRequest<StabilityFormBody> {
  const model = imageModelOf(context);
  const target = { provider: context.provider, model: context.model };
  readStabilityProviderConfig(context.providerConfig, target);
  const { n, ...single } = request;
  if (n !== undefined && n !== 1) {
    throw new ValidationError({
      ...target,
      issues: [{ field: 'n', value: n, message: `${context.provider} returns one image per request; call generateImage once per image`, allowed: [1] }],
    });
  }
  const hasInputImage = (request.imageList ?? []).some((image) => (INPUT_IMAGE_ROLES as readonly string[]).includes(image.type));
  const mappers = (context.fieldMappers as FieldMappers<ImageGenerationRequest> | undefined) ?? imageFieldMappers(model, hasInputImage);
  const mapped = mapRequest(single, mappers, { ...target, strict: context.strict });
  const body = mapped.body;
  if (model.sd3Model) {
    body.model ??= model.sd3Model;
    body.mode ??= body.image === undefined ? 'text-to-image' : 'image-to-image';
  }
  const origin = fieldOrigin(request.extraParams);
  const checked = checkFormBody(body, IMAGE_FIELD_RULES[model.endpoint], origin, `/v2beta/stable-image/generate/${model.endpoint}`);
  const issues = [...checked.issues, ...crossFieldIssues(model, body, origin)];
  if (issues.length > 0) throw new ValidationError({ ...target, issues });
  const warnings = [...mapped.warnings, ...checked.warnings];
  if (model.rerouteNote) warnings.push(model.rerouteNote);
  if (body.strength !== undefined && body.image === undefined) warnings.push('extraParams.strength has no effect without an input image (role "reference")');
  const route: StabilityImageRoute = { path: `/v2beta/stable-image/generate/${model.endpoint}` };
  return { provider: context.provider, model: context.model, body: body as StabilityFormBody, warnings, route };
}
