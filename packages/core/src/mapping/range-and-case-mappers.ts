import type { FieldMapper } from './field-mapper';
import { enumField } from './basic-mappers';
import type { StandardRequestFields } from './mapping-context';

/**
 * Like {@link enumField}, but a string matches an allowed value regardless of case and is sent
 * in the provider's own case (`"768p"` → `"768P"`). Anything else is a `ValidationError`
 * listing the allowed values.
 */
export function caseInsensitiveEnumField<TRequest extends StandardRequestFields, K extends keyof TRequest & string>(
  field: K,
  allowed: readonly unknown[],
): FieldMapper<TRequest> {
  return enumField<TRequest, K>(field, allowed, (value) => {
    if (typeof value !== 'string') return value;
    const lower = value.toLowerCase();
    return allowed.find((candidate) => typeof candidate === 'string' && candidate.toLowerCase() === lower) ?? value;
  });
}

/** Options of {@link numberRangeField}: the provider's inclusive range, and whether it takes whole numbers only. */
export interface NumberRangeFieldOptions {
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
}

/** `from 1 to 4`, `from 1`, `up to 4` or `of any size`. */
function describeRange({ min, max }: NumberRangeFieldOptions): string {
  if (min !== undefined && max !== undefined) return `from ${min} to ${max}`;
  if (min !== undefined) return `from ${min}`;
  return max !== undefined ? `up to ${max}` : 'of any size';
}

/**
 * Sends a numeric standard field (`n` → `num_images`, `numberOfVideos` → `num_videos`) when it
 * is within the provider's range; otherwise a `ValidationError` names the field, the value and
 * the range.
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
