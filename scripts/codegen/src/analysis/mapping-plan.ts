import { detectDurationPlan, type DurationPlan } from './duration-plan';
import { definedBounds, numericRange, type FieldShape } from './field-shape';
import { detectImageSizeShape } from './image-size-shape';
import { detectMediaFields, type MediaFieldPlan, type Modality } from './media-field-roles';

/**
 * One input field's mapper, as data (the emitter turns it into code):
 * - `passthrough`: the standard field as is, under the endpoint's name;
 * - `enum`: the standard field if it is one of `allowed` (strings match case-insensitively and
 *   are sent in the schema's case);
 * - `number-range`: a count such as `n` → `num_images`, checked against the schema's range;
 * - `duration`: `durationSeconds` per {@link DurationPlan};
 * - `image-size`: `size` / `aspectRatio` → `image_size`;
 * - media fields per {@link MediaFieldPlan}.
 */
export type MapperPlan =
  | { readonly kind: 'passthrough'; readonly field: string; readonly source: string }
  | { readonly kind: 'enum'; readonly field: string; readonly source: string; readonly allowed: readonly unknown[] }
  | {
      readonly kind: 'number-range';
      readonly field: string;
      readonly source: string;
      readonly integer: boolean;
      readonly min?: number;
      readonly max?: number;
    }
  | { readonly kind: 'duration'; readonly field: string; readonly plan: DurationPlan }
  | {
      readonly kind: 'image-size';
      readonly field: string;
      readonly presets: readonly string[];
      readonly customSize: boolean;
      /** Whether `aspectRatio` picks a preset (false when the endpoint has its own `aspect_ratio`). */
      readonly fromAspectRatio: boolean;
    }
  | MediaFieldPlan;

/** The mappers of one endpoint, and what the generator should tell its user. */
export interface MappingPlan {
  readonly mappers: readonly MapperPlan[];
  readonly notes: readonly string[];
}

/** A standard scalar field and the endpoint fields that can take it, in order of preference. */
interface ScalarRule {
  readonly source: string;
  readonly targets: readonly string[];
  readonly kinds: readonly FieldShape['kind'][];
}

const COMMON_RULES: readonly ScalarRule[] = [
  { source: 'prompt', targets: ['prompt'], kinds: ['string'] },
  { source: 'negativePrompt', targets: ['negative_prompt'], kinds: ['string'] },
  { source: 'seed', targets: ['seed'], kinds: ['integer', 'number'] },
];

const VIDEO_RULES: readonly ScalarRule[] = [
  { source: 'resolution', targets: ['resolution'], kinds: ['string'] },
  { source: 'aspectRatio', targets: ['aspect_ratio'], kinds: ['string'] },
  { source: 'generateAudio', targets: ['generate_audio', 'generate_audio_switch'], kinds: ['boolean'] },
  // Each of these asks fal to rewrite (expand) the prompt with an LLM before generating.
  {
    source: 'enhancePrompt',
    targets: ['enhance_prompt', 'prompt_optimizer', 'enable_prompt_expansion', 'expand_prompt'],
    kinds: ['boolean'],
  },
  { source: 'numberOfVideos', targets: ['num_videos'], kinds: ['integer'] },
];

const IMAGE_RULES: readonly ScalarRule[] = [
  { source: 'aspectRatio', targets: ['aspect_ratio'], kinds: ['string'] },
  { source: 'style', targets: ['style'], kinds: ['string'] },
  { source: 'n', targets: ['num_images'], kinds: ['integer'] },
];

function scalarMapper(rule: ScalarRule, field: FieldShape): MapperPlan {
  if (field.kind === 'integer' && rule.source !== 'seed') {
    return { kind: 'number-range', field: field.name, source: rule.source, integer: true, ...definedBounds(numericRange(field.schema)) };
  }
  if (field.enumValues !== undefined && field.enumValues.length > 0) {
    return { kind: 'enum', field: field.name, source: rule.source, allowed: field.enumValues };
  }
  return { kind: 'passthrough', field: field.name, source: rule.source };
}

/**
 * Derives an endpoint's mapping from its input fields: which standard request field fills
 * which endpoint field, and how values are checked and converted. Standard fields the
 * endpoint has no field for are simply not mapped (core reports them as warnings); fields
 * whose shape is not understood are left out with a note.
 */
export function buildMappingPlan(fields: readonly FieldShape[], modality: Modality): MappingPlan {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const mappers: MapperPlan[] = [];
  const notes: string[] = [];
  const rules = [...COMMON_RULES, ...(modality === 'video' ? VIDEO_RULES : IMAGE_RULES)];
  for (const rule of rules) {
    const field = rule.targets.map((t) => byName.get(t)).find((f) => f !== undefined);
    if (!field) continue;
    if (rule.kinds.includes(field.kind)) mappers.push(scalarMapper(rule, field));
    else notes.push(`${rule.source} is not mapped: "${field.name}" is ${field.kind}, expected ${rule.kinds.join(' or ')}`);
  }
  if (modality === 'video') {
    const duration = detectDurationPlan(fields);
    if (typeof duration === 'string') notes.push(`durationSeconds is not mapped: ${duration}`);
    else if (duration) mappers.push({ kind: 'duration', field: duration.field, plan: duration });
  }
  const imageSize = modality === 'image' ? byName.get('image_size') : undefined;
  if (imageSize) {
    const shape = detectImageSizeShape(imageSize);
    if (shape)
      mappers.push({
        kind: 'image-size',
        field: imageSize.name,
        ...shape,
        fromAspectRatio: !byName.has('aspect_ratio') && shape.presets.length > 0,
      });
    else notes.push(`size/aspectRatio are not mapped: "image_size" has an unsupported shape`);
  }
  const media = detectMediaFields(fields, modality);
  // Schema order reads naturally; image lists go last so single-image fields pick first.
  const position = (plan: MapperPlan): number =>
    (plan.kind === 'image-list' ? fields.length : 0) + fields.findIndex((f) => f.name === plan.field);
  const ordered = [...mappers, ...media.plans].sort((a, b) => position(a) - position(b));
  return { mappers: ordered, notes: [...notes, ...media.notes] };
}
