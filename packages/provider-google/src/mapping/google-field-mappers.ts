import { describeValue, type FieldMapper, type FieldMappers, type PrepareContext, type StandardRequestFields } from '@tarash/core';

/** Largest seed Google takes (an unsigned 32-bit integer). */
export const MAX_SEED = 4_294_967_295;

/**
 * Consumes a standard field the API cannot take and says why: a warning, or a
 * `ValidationError` in strict mode. Used where the plain "not supported" warning would hide
 * the real reason (e.g. "only Vertex AI takes it").
 */
export function notSent<TRequest extends StandardRequestFields>(field: keyof TRequest & string, reason: string, strict: boolean): FieldMapper<TRequest> {
  return (context) => {
    const value = context.use(field);
    if (value === undefined) return undefined;
    if (strict) context.invalid({ field, value, message: reason });
    context.warn(`${field} (${describeValue(value)}) was not sent: ${reason}`);
    return undefined;
  };
}

/** Sends `seed` after checking it fits Google's unsigned 32-bit range. */
export function seedField<TRequest extends StandardRequestFields & { readonly seed?: number }>(): FieldMapper<TRequest> {
  return (context) => {
    const seed = context.use('seed');
    if (seed !== undefined && seed > MAX_SEED) context.invalid({ field: 'seed', value: seed, message: `must be at most ${MAX_SEED} (an unsigned 32-bit integer)` });
    return seed;
  };
}

/** Sends an integer standard field when it is within `min..max`, listing the allowed values otherwise. */
export function countField<TRequest extends StandardRequestFields>(field: keyof TRequest & string, min: number, max: number, fallback?: number): FieldMapper<TRequest> {
  return (context) => {
    const value = (context.use(field) as number | undefined) ?? fallback;
    if (value !== undefined && (value < min || value > max)) {
      context.invalid({ field, value, message: `${context.provider} ${context.model} takes ${min} to ${max}`, allowed: Array.from({ length: max - min + 1 }, (_, i) => min + i) });
    }
    return value;
  };
}

/** Drops the mappers a model has no use for (`undefined` entries). */
export function definedMappers<TRequest extends StandardRequestFields>(mappers: Readonly<Record<string, FieldMapper<TRequest> | undefined>>): FieldMappers<TRequest> {
  return Object.fromEntries(Object.entries(mappers).filter((entry): entry is [string, FieldMapper<TRequest>] => entry[1] !== undefined));
}

/** The mappers registered with `registerProviderFieldMapping` replace the built-in ones. */
export function chooseMappers<TRequest extends StandardRequestFields>(context: PrepareContext, builtIn: FieldMappers<TRequest>): FieldMappers<TRequest> {
  return (context.fieldMappers as FieldMappers<TRequest> | undefined) ?? builtIn;
}

/** Splits a flat mapped body into the fields named in `keys` and the rest. */
export function splitFields(body: Readonly<Record<string, unknown>>, keys: readonly string[]): [picked: Record<string, unknown>, rest: Record<string, unknown>] {
  const picked: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) (keys.includes(key) ? picked : rest)[key] = value;
  return [picked, rest];
}
