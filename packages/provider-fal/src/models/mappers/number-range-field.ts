import type { FieldMapper, StandardRequestFields } from '@tarash/core';

/** Options of {@link numberRangeField}: the endpoint's inclusive range, and whether it takes whole numbers only. */
export interface NumberRangeFieldOptions {
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
}

/** `from 1 to 4`, `from 1`, `up to 4` or `any`. */
function describeRange({ min, max }: NumberRangeFieldOptions): string {
  if (min !== undefined && max !== undefined) return `from ${min} to ${max}`;
  if (min !== undefined) return `from ${min}`;
  return max !== undefined ? `up to ${max}` : 'of any size';
}

/**
 * Sends a numeric standard field (`n` → `num_images`, `numberOfVideos` → `num_videos`) when it
 * is within the endpoint's range; otherwise a `ValidationError` names the field, the value
 * and the range.
 */
export function numberRangeField<TRequest extends StandardRequestFields, K extends keyof TRequest & string>(
  field: K,
  options: NumberRangeFieldOptions,
): FieldMapper<TRequest> {
  return (context) => {
    const value: unknown = context.use(field);
    if (value === undefined || value === null) return undefined;
    const valid =
      typeof value === 'number' &&
      Number.isFinite(value) &&
      (!options.integer || Number.isInteger(value)) &&
      (options.min === undefined || value >= options.min) &&
      (options.max === undefined || value <= options.max);
    if (!valid) {
      context.invalid({
        field,
        value,
        message: `${context.provider} ${context.model} takes ${options.integer ? 'whole numbers' : 'numbers'} ${describeRange(options)}`,
      });
    }
    return value;
  };
}
