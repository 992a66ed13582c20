import { enumField, type FieldMapper, type StandardRequestFields } from '@tarash/core';

/**
 * Like core's `enumField`, but a string matches an allowed value regardless of case and is
 * sent in the endpoint's own case (`"768p"` → `"768P"` for hailuo). Anything else is a
 * `ValidationError` listing the allowed values.
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
