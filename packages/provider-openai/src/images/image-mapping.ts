import {
  ValidationError,
  constant,
  enumField,
  imageListField,
  mapRequest,
  mediaField,
  passthrough,
  type FieldMapper,
  type FieldMappers,
  type ImageGenerationRequest,
  type ImageRole,
  type PrepareContext,
  type PreparedRequest,
  type ValidationIssue,
} from '@tarash/core';
import type { ApiFlavor } from '../transport/api-target';
import { OPENAI_IMAGE_MODELS, freeformSizeFor, isFreeformSize, resolveImageModel, type ImageModelRules } from './image-models';

/** Roles of the images an edit takes (all go to `image`; the mask is `maskImage`). */
export const EDIT_IMAGE_ROLES: readonly ImageRole[] = ['reference', 'asset', 'style', 'first_frame'];

/** Which Images API operation a prepared request goes to. */
export type ImageOperation = 'generate' | 'edit';

const OUTPUT_FORMATS = ['png', 'jpeg', 'webp'];
const GPT_IMAGE_ONLY: Readonly<Record<string, readonly unknown[] | 'compression'>> = {
  output_format: OUTPUT_FORMATS,
  background: ['transparent', 'opaque', 'auto'],
  moderation: ['low', 'auto'],
  input_fidelity: ['high', 'low'],
  output_compression: 'compression',
};

function sizeField(rules: ImageModelRules): FieldMapper<ImageGenerationRequest> {
  return (context) => {
    const size = context.use('size');
    const aspectRatio = context.use('aspectRatio');
    if (size !== undefined) {
      if (!rules.sizes.includes(size) && !(rules.freeformSizes && isFreeformSize(size))) {
        const freeform = rules.freeformSizes ? ', or WxH with both edges multiples of 16, at most 3840 px and an aspect within 3:1' : '';
        context.invalid({ field: 'size', value: size, message: `not supported by ${context.provider} ${context.model}${freeform}`, allowed: rules.sizes });
      }
      if (aspectRatio !== undefined) context.warn(`aspectRatio ("${aspectRatio}") was not sent: size "${size}" decides the shape`);
      return size;
    }
    if (aspectRatio === undefined) return undefined;
    const mapped = rules.aspectRatios[aspectRatio] ?? (rules.freeformSizes ? freeformSizeFor(aspectRatio) : undefined);
    if (mapped === undefined) {
      const freeform = rules.freeformSizes ? ' (or any ratio within 3:1)' : '';
      context.invalid({ field: 'aspectRatio', value: aspectRatio, message: `has no size for ${context.provider} ${context.model}${freeform}`, allowed: Object.keys(rules.aspectRatios) });
    }
    return mapped;
  };
}

function countField(rules: ImageModelRules): FieldMapper<ImageGenerationRequest> {
  return (context) => {
    const n = context.use('n');
    if (n !== undefined && n > rules.maxImages) {
      const allowed = Array.from({ length: rules.maxImages }, (_, i) => i + 1);
      context.invalid({ field: 'n', value: n, message: `${context.provider} ${context.model} generates 1 to ${rules.maxImages} image(s) per request`, allowed });
    }
    return n;
  };
}

/** dall-e-3 has no edits: an input image is an error rather than silently ignored. */
const noInputImages: FieldMapper<ImageGenerationRequest> = (context) => {
  if (context.countImages(EDIT_IMAGE_ROLES) > 0) {
    context.invalid({ field: 'imageList', value: `${context.countImages(EDIT_IMAGE_ROLES)} image(s)`, message: `${context.model} cannot edit images; use a gpt-image model or dall-e-2` });
  }
  return undefined;
};

/** The built-in field mapping of an image model: standard request → Images API body. */
export function imageFieldMappers(rules: ImageModelRules, wireModel: string | undefined): FieldMappers<ImageGenerationRequest> {
  return {
    ...(wireModel !== undefined ? { model: constant(wireModel) } : {}),
    prompt: passthrough('prompt'),
    n: countField(rules),
    size: sizeField(rules),
    quality: enumField('quality', rules.qualities),
    ...(rules.styles.length > 0 ? { style: enumField('style', rules.styles) } : {}),
    image: rules.maxInputImages > 0 ? imageListField({ roles: EDIT_IMAGE_ROLES, max: rules.maxInputImages }) : noInputImages,
    mask: mediaField('maskImage', 'image'),
  };
}

/** Checks the provider parameters a caller passed in `extraParams` against the model family. */
function extraParamIssues(body: Readonly<Record<string, unknown>>, rules: ImageModelRules, model: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const key of ['stream', 'partial_images']) {
    if (body[key] !== undefined && body[key] !== false && body[key] !== 0) {
      issues.push({ field: `extraParams.${key}`, value: body[key], message: 'streaming image responses are not supported by @tarash/provider-openai' });
    }
  }
  if ('response_format' in body) {
    if (rules.responseFormats.length === 0) {
      issues.push({ field: 'extraParams.response_format', value: body.response_format, message: `${model} always returns b64_json; response_format is for dall-e models only` });
    } else if (!rules.responseFormats.includes(body.response_format as string)) {
      issues.push({ field: 'extraParams.response_format', value: body.response_format, message: `not supported by ${model}`, allowed: rules.responseFormats });
    }
  }
  for (const [key, allowed] of Object.entries(GPT_IMAGE_ONLY)) {
    const value = body[key];
    if (value === undefined) continue;
    if (!rules.gptImageParameters) {
      issues.push({ field: `extraParams.${key}`, value, message: `${key} is for gpt-image models only; ${model} does not take it` });
    } else if (allowed === 'compression' ? !(Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 100) : !allowed.includes(value)) {
      issues.push({ field: `extraParams.${key}`, value, message: allowed === 'compression' ? 'must be an integer from 0 to 100' : `not supported by ${model}`, ...(allowed === 'compression' ? {} : { allowed }) });
    }
  }
  if (body.background === 'transparent' && body.output_format === 'jpeg') {
    issues.push({ field: 'extraParams.background', value: 'transparent', message: 'a transparent background needs output_format png or webp', allowed: ['png', 'webp'] });
  }
  return issues;
}

/**
 * Validates a standard image request for `context.model` and maps it to an Images API body
 * (pure). Input images or a mask make it an edit (`/images/edits`, multipart); otherwise a
 * generation (`/images/generations`, JSON). Bad values are one `ValidationError` listing the
 * allowed values; unusable standard fields (`negativePrompt`, `seed`…) become warnings.
 */
export function prepareImageRequest(request: ImageGenerationRequest, context: PrepareContext, flavor: ApiFlavor): PreparedRequest {
  const target = { provider: context.provider, model: context.model };
  const resolved = resolveImageModel(context.model);
  if (!resolved) {
    throw new ValidationError({
      ...target,
      issues: [{ field: 'config.model', value: context.model, message: 'is not an OpenAI image model (any gpt-image-* id is taken with the gpt-image rules)', allowed: Object.keys(OPENAI_IMAGE_MODELS) }],
    });
  }
  const mappers = context.fieldMappers ?? imageFieldMappers(resolved.rules, flavor.wireModel(context));
  const { body, warnings } = mapRequest(request, mappers, { ...target, strict: context.strict });
  const issues = extraParamIssues(body, resolved.rules, context.model);
  if (body.mask !== undefined && body.image === undefined) {
    issues.push({ field: 'maskImage', message: 'a mask needs the image it applies to: add it to imageList (role "reference")' });
  }
  if (issues.length > 0) throw new ValidationError({ ...target, issues });
  const operation: ImageOperation = body.image === undefined ? 'generate' : 'edit';
  return { ...target, body, warnings: [...(resolved.warning ? [resolved.warning] : []), ...warnings], route: { operation } };
}
