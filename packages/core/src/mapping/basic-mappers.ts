import type { FieldMapper } from './field-mapper';
import type { MappingContext, StandardRequestFields } from './mapping-context';

/**
 * Sends a standard field as is (under the provider's own name: the mapper's key, so this is
 * also the rename mapper). With `convert`, sends `convert(value)` for defined values.
 */
export function passthrough<TRequest extends StandardRequestFields, K extends keyof TRequest & string>(
  field: K,
  convert?: (value: NonNullable<TRequest[K]>, context: MappingContext<TRequest>) => unknown,
): FieldMapper<TRequest> {
  return (context) => {
    const value = context.use(field);
    if (value === undefined || value === null) return undefined;
    return convert ? convert(value as NonNullable<TRequest[K]>, context) : value;
  };
}

/** Sends a fixed value. */
export function constant<TRequest extends StandardRequestFields>(value: unknown): FieldMapper<TRequest> {
  return () => value;
}

/**
 * Sends a standard field only if its value is one of `allowed` (in the provider's terms after
 * `convert`); otherwise a `ValidationError` lists the allowed values.
 */
export function enumField<TRequest extends StandardRequestFields, K extends keyof TRequest & string>(
  field: K,
  allowed: readonly unknown[],
  convert: (value: NonNullable<TRequest[K]>) => unknown = (v) => v,
): FieldMapper<TRequest> {
  return (context) => {
    const value = context.use(field);
    if (value === undefined || value === null) return undefined;
    const converted = convert(value as NonNullable<TRequest[K]>);
    if (!allowed.includes(converted)) {
      context.invalid({ field, value, message: `not supported by ${context.provider} ${context.model}`, allowed });
    }
    return converted;
  };
}
