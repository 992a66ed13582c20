import type { FieldMapper, StandardRequestFields } from '@tarash/core';

/** Sends an integer field when it lies in `min..max`; otherwise a `ValidationError` says the range. */
export function integerRangeField<TRequest extends StandardRequestFields, K extends keyof TRequest & string>(field: K, min: number, max: number): FieldMapper<TRequest> {
  return (context) => {
    const value = context.use(field);
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      context.invalid({ field, value, message: `${context.provider} ${context.model} takes a whole number from ${min} to ${max}` });
    }
    return value;
  };
}

/** Limits of a `width` / `height` pair read from the standard `size` (`"WxH"`). */
export interface DimensionLimits {
  readonly min: number;
  readonly max: number;
  /** Both sides must be multiples of this. */
  readonly multipleOf?: number;
}

/**
 * Sends one side of the standard `size` (`"1024x768"`) as a pixel count, for models that take
 * `width` and `height`; a side outside the model's limits is a `ValidationError`.
 */
export function sizeDimensionField<TRequest extends StandardRequestFields & { readonly size?: string }>(
  side: 'width' | 'height',
  limits: DimensionLimits,
): FieldMapper<TRequest> {
  return (context) => {
    const size = context.use('size');
    if (size === undefined) return undefined;
    const [width, height] = size.split('x').map(Number);
    const value = side === 'width' ? width : height;
    const step = limits.multipleOf ?? 1;
    if (value === undefined || value < limits.min || value > limits.max || value % step !== 0) {
      context.invalid({
        field: 'size',
        value: size,
        message: `${context.provider} ${context.model} takes sides from ${limits.min} to ${limits.max} pixels${step > 1 ? ` in multiples of ${step}` : ''}`,
      });
    }
    return value;
  };
}

/** The aspect ratios most Replicate image models list (flux, SD 3.5). */
export const IMAGE_ASPECT_RATIOS = ['1:1', '16:9', '21:9', '3:2', '2:3', '4:5', '5:4', '3:4', '4:3', '9:16', '9:21'] as const;

/** Landscape and portrait, as Veo and Wan take them. */
export const WIDE_AND_TALL = ['16:9', '9:16'] as const;
