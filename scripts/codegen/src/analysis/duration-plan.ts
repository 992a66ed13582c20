import { definedBounds, numericRange, type FieldShape } from './field-shape';

/** How a duration is written: `8` (integer), `"8"` (string) or `"8s"` (seconds suffix). Mirrors core's `DurationFormat`. */
export type DurationFormat = 'integer' | 'string' | 'seconds-suffix';

/**
 * How `durationSeconds` reaches an endpoint:
 * - `enum`: a `duration` field with allowed values in the endpoint's format (`["4s","6s","8s"]`, `[4, 8, 12]`);
 * - `range`: a `duration` field taking any whole number of seconds in a range, in `format`;
 * - `decimal-range`: a `duration` field taking a (possibly fractional) number of seconds;
 * - `frames`: no duration field, but `num_frames` and a frame rate (wan v2.2): seconds become
 *   `round(seconds × fps) + 1` frames within the schema's range.
 */
export type DurationPlan =
  | { readonly kind: 'enum'; readonly field: string; readonly allowed: readonly (string | number)[] }
  | { readonly kind: 'range'; readonly field: string; readonly format: DurationFormat; readonly min?: number; readonly max?: number }
  | { readonly kind: 'decimal-range'; readonly field: string; readonly min?: number; readonly max?: number }
  | {
      readonly kind: 'frames';
      readonly field: string;
      readonly minFrames: number;
      readonly maxFrames: number;
      readonly fpsField: string;
      readonly defaultFps: number;
    };

const DURATION_TEXT = /^\d+(\.\d+)?s?$/;

function durationFieldPlan(field: FieldShape): DurationPlan | string {
  const values = field.enumValues;
  if (values !== undefined && values.length > 0) {
    const numbers = values.every((v) => typeof v === 'number' && Number.isFinite(v));
    const texts = values.every((v) => typeof v === 'string' && DURATION_TEXT.test(v));
    if (numbers || texts) return { kind: 'enum', field: field.name, allowed: values as (string | number)[] };
    return `"${field.name}" has values that are not seconds (${JSON.stringify(values)})`;
  }
  if (field.kind === 'integer')
    return { kind: 'range', field: field.name, format: 'integer', ...definedBounds(numericRange(field.schema)) };
  if (field.kind === 'number') return { kind: 'decimal-range', field: field.name, ...definedBounds(numericRange(field.schema)) };
  if (field.kind === 'string') {
    // Without an enum, the default or an example shows whether fal writes "8s" or "8".
    const samples = [field.defaultValue, ...(field.schema.examples ?? [])].filter((v): v is string => typeof v === 'string');
    const format = samples.some((v) => /s$/i.test(v)) ? 'seconds-suffix' : 'string';
    return { kind: 'range', field: field.name, format };
  }
  return `"${field.name}" has an unsupported shape (${field.kind})`;
}

function framesPlan(frames: FieldShape, fps: FieldShape): DurationPlan | string {
  const range = numericRange(frames.schema);
  if (frames.kind !== 'integer' || range.min === undefined || range.max === undefined) {
    return `"${frames.name}" is not an integer with a minimum and a maximum`;
  }
  if (fps.kind !== 'integer' && fps.kind !== 'number') return `"${fps.name}" is not a number`;
  if (typeof fps.defaultValue !== 'number') return `"${fps.name}" has no default frame rate`;
  return {
    kind: 'frames',
    field: frames.name,
    minFrames: range.min,
    maxFrames: range.max,
    fpsField: fps.name,
    defaultFps: fps.defaultValue,
  };
}

/**
 * Finds how an endpoint takes a duration. Returns `undefined` when it takes none, or a
 * reason string when a duration-like field has a shape the generator cannot map (the
 * generator prints it and leaves `durationSeconds` unmapped).
 */
export function detectDurationPlan(fields: readonly FieldShape[]): DurationPlan | string | undefined {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const duration = byName.get('duration');
  if (duration) return durationFieldPlan(duration);
  const frames = byName.get('num_frames');
  const fps = byName.get('frames_per_second') ?? byName.get('fps');
  if (frames && fps) return framesPlan(frames, fps);
  return undefined;
}
