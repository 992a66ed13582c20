import { PendingMedia, describeAllowed, type ValidationIssue } from '@tarash/core';
import { STABILITY_IMAGE_MODELS, type StabilityImageEndpoint } from '../models/stability-models';
import {
  STABILITY_ASPECT_RATIOS,
  STABILITY_MAX_PROMPT_LENGTH,
  STABILITY_MAX_SEED,
  STABILITY_OUTPUT_FORMATS,
  STABILITY_SD3_MODES,
  STABILITY_STYLE_PRESETS,
} from '../models/stability-values';

/** What one multipart field of a Stability endpoint accepts. */
export type FormFieldRule =
  | { readonly kind: 'text'; readonly min: number; readonly max: number }
  | { readonly kind: 'number'; readonly min: number; readonly max: number; readonly integer: boolean }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'file' };

/** The documented fields of an endpoint. */
export type FormFieldRules = Readonly<Record<string, FormFieldRule>>;

/** A multipart body before upload: text-able values and pending image files. */
export type StabilityFormBody = Readonly<Record<string, string | number | boolean | PendingMedia>>;

const seed: FormFieldRule = { kind: 'number', min: 0, max: STABILITY_MAX_SEED, integer: true };
const strength: FormFieldRule = { kind: 'number', min: 0, max: 1, integer: false };

const COMMON_IMAGE_RULES: FormFieldRules = {
  prompt: { kind: 'text', min: 1, max: STABILITY_MAX_PROMPT_LENGTH },
  negative_prompt: { kind: 'text', min: 0, max: STABILITY_MAX_PROMPT_LENGTH },
  aspect_ratio: { kind: 'enum', values: STABILITY_ASPECT_RATIOS },
  seed,
  style_preset: { kind: 'enum', values: STABILITY_STYLE_PRESETS },
  output_format: { kind: 'enum', values: STABILITY_OUTPUT_FORMATS },
};

/** The fields of each generate endpoint (`wire.md` §5.2; `model` is set from the config). */
export const IMAGE_FIELD_RULES: Readonly<Record<StabilityImageEndpoint, FormFieldRules>> = {
  ultra: { ...COMMON_IMAGE_RULES, image: { kind: 'file' }, strength },
  core: COMMON_IMAGE_RULES,
  sd3: {
    ...COMMON_IMAGE_RULES,
    image: { kind: 'file' },
    strength,
    mode: { kind: 'enum', values: STABILITY_SD3_MODES },
    model: { kind: 'enum', values: Object.values(STABILITY_IMAGE_MODELS).flatMap((model) => (model.sd3Model ? [model.sd3Model] : [])) },
    cfg_scale: { kind: 'number', min: 1, max: 10, integer: false },
  },
};

/** The fields of `POST /v2beta/image-to-video` (`wire.md` §5.3; ranges of cfg_scale and motion_bucket_id are [C]). */
export const VIDEO_FIELD_RULES: FormFieldRules = {
  image: { kind: 'file' },
  seed,
  cfg_scale: { kind: 'number', min: 0, max: 10, integer: false },
  motion_bucket_id: { kind: 'number', min: 1, max: 255, integer: false },
};

/** Checks one value against its rule; returns what is wrong, or undefined. */
function problem(rule: FormFieldRule, value: unknown): Omit<ValidationIssue, 'field' | 'value'> | undefined {
  switch (rule.kind) {
    case 'file':
      return value instanceof PendingMedia ? undefined : { message: 'must be an input image given in imageList, not a field value' };
    case 'text':
      if (typeof value !== 'string') return { message: 'must be a string' };
      if (value.length < rule.min || value.length > rule.max) return { message: `must have ${rule.min} to ${rule.max} characters; it has ${value.length}` };
      return undefined;
    case 'number': {
      const what = rule.integer ? 'an integer' : 'a number';
      const ok = typeof value === 'number' && Number.isFinite(value) && (!rule.integer || Number.isInteger(value)) && value >= rule.min && value <= rule.max;
      return ok ? undefined : { message: `must be ${what} from ${rule.min} to ${rule.max}` };
    }
    case 'enum':
      return rule.values.includes(value as string) ? undefined : { message: `must be ${describeAllowed(rule.values)}`, allowed: rule.values };
  }
}

/** The result of {@link checkFormBody}. */
export interface FormBodyCheck {
  readonly issues: ValidationIssue[];
  readonly warnings: string[];
}

/**
 * Checks a mapped body against an endpoint's field rules. `origin` names where a field came
 * from (the standard field, or `extraParams.<name>`), so errors point at what the caller wrote.
 * Undocumented fields are sent as text with a warning; values multipart cannot carry are errors.
 */
export function checkFormBody(body: Readonly<Record<string, unknown>>, rules: FormFieldRules, origin: (field: string) => string, endpoint: string): FormBodyCheck {
  const issues: ValidationIssue[] = [];
  const warnings: string[] = [];
  for (const [field, value] of Object.entries(body)) {
    const rule = rules[field];
    if (rule) {
      const found = problem(rule, value);
      if (found) issues.push({ field: origin(field), value, ...found });
    } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      warnings.push(`${origin(field)} is not a documented field of ${endpoint}; it was sent as is`);
    } else {
      issues.push({ field: origin(field), value, message: `is not a documented field of ${endpoint}, and multipart fields must be a string, number or boolean` });
    }
  }
  return { issues, warnings };
}
