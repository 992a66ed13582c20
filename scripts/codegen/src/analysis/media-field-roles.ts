import type { FieldShape } from './field-shape';

/** Image roles of the standard request (`ImageRole` in @tarash/core). */
export type ImageRole = 'reference' | 'first_frame' | 'last_frame' | 'asset' | 'style';

/** Whether the endpoint makes videos or images (which standard request it maps from). */
export type Modality = 'video' | 'image';

/** How one input media field is filled from the standard request. */
export type MediaFieldPlan =
  | { readonly kind: 'image'; readonly field: string; readonly roles: readonly ImageRole[]; readonly required: boolean }
  | {
      readonly kind: 'image-list';
      readonly field: string;
      readonly roles: readonly ImageRole[];
      readonly required: boolean;
      readonly min?: number;
      readonly max?: number;
    }
  | {
      readonly kind: 'media';
      readonly field: string;
      /** The standard request field. */
      readonly source: 'video' | 'audio' | 'maskImage';
      readonly mediaKind: 'video' | 'audio' | 'image';
      readonly required: boolean;
    };

const FIRST_FRAME = /^(start|first)_(image|frame)_url$/;
const LAST_FRAME = /^(end|last|tail)_(image|frame)_url$/;
const LIST_ROLES: readonly ImageRole[] = ['reference', 'asset', 'style'];

function isStringList(field: FieldShape): boolean {
  const items = field.schema.items;
  return field.kind === 'array' && items !== undefined && !Array.isArray(items) && (items as { type?: unknown }).type === 'string';
}

/**
 * The roles of a single-image `image_url`. For video endpoints it is the first frame unless
 * the description calls it a reference or a target (motion control, swap); for image
 * endpoints it is the reference (input) image.
 */
function imageUrlRoles(field: FieldShape, modality: Modality): readonly ImageRole[] {
  if (modality === 'image') return ['reference'];
  const text = field.description.toLowerCase();
  if (!text.includes('first frame') && /\b(reference|target)\b/.test(text)) return ['reference', 'asset'];
  return ['first_frame'];
}

function singleImageRoles(field: FieldShape, modality: Modality): readonly ImageRole[] | undefined {
  const name = field.name;
  if (name === 'image_url') return imageUrlRoles(field, modality);
  if (FIRST_FRAME.test(name)) return ['first_frame'];
  if (LAST_FRAME.test(name)) return ['last_frame'];
  if (/^style_.*image_url$/.test(name)) return ['style'];
  if (/^(reference|ref|input)_image_url$/.test(name)) return ['reference'];
  return undefined;
}

function listImageRoles(field: FieldShape): readonly ImageRole[] | undefined {
  if (!/^((reference|ref|input|style)_)?image_urls$/.test(field.name)) return undefined;
  const styleOnly = field.name.startsWith('style_') || /\bstyle references?\b/i.test(field.description);
  return styleOnly ? ['style'] : LIST_ROLES;
}

function mediaSource(field: FieldShape, modality: Modality): MediaFieldPlan | undefined {
  const required = field.required;
  if (modality === 'video' && field.name === 'video_url')
    return { kind: 'media', field: field.name, source: 'video', mediaKind: 'video', required };
  if (modality === 'video' && field.name === 'audio_url')
    return { kind: 'media', field: field.name, source: 'audio', mediaKind: 'audio', required };
  if (modality === 'image' && (field.name === 'mask_url' || field.name === 'mask_image_url')) {
    return { kind: 'media', field: field.name, source: 'maskImage', mediaKind: 'image', required };
  }
  return undefined;
}

/** The result of {@link detectMediaFields}: the plans, and notes on URL fields left unmapped. */
export interface MediaFieldDetection {
  readonly plans: readonly MediaFieldPlan[];
  readonly notes: readonly string[];
}

/**
 * Finds the input fields that take media from the standard request, by name (fal's
 * conventions: `image_url`, `start_image_url`, `end_image_url`, `image_urls`, `video_url`…)
 * and, for the ambiguous `image_url`, by description. Single-image fields come before list
 * fields so that a specific field gets its image before a list takes the rest.
 */
export function detectMediaFields(fields: readonly FieldShape[], modality: Modality): MediaFieldDetection {
  const singles: MediaFieldPlan[] = [];
  const lists: MediaFieldPlan[] = [];
  const notes: string[] = [];
  for (const field of fields) {
    const media = field.kind === 'string' ? mediaSource(field, modality) : undefined;
    const single = field.kind === 'string' ? singleImageRoles(field, modality) : undefined;
    const list = isStringList(field) ? listImageRoles(field) : undefined;
    if (media) singles.push(media);
    else if (single) singles.push({ kind: 'image', field: field.name, roles: single, required: field.required });
    else if (list) {
      const { minItems, maxItems } = field.schema;
      lists.push({
        kind: 'image-list',
        field: field.name,
        roles: list,
        required: field.required,
        ...(minItems !== undefined ? { min: minItems } : {}),
        ...(maxItems !== undefined ? { max: maxItems } : {}),
      });
    } else if (/_urls?$/.test(field.name)) {
      notes.push(`"${field.name}" looks like a media input with no standard role; it is left to extraParams`);
    }
  }
  return { plans: [...singles, ...lists], notes };
}
