/**
 * Type checks for the fields of the JSON answers on every job's path (the submit answer, each
 * queue status). Written out rather than as zod schemas: they run several times per job, where
 * a zod parse (which also copies the object) costs more than the typeof tests it amounts to.
 */

/** A JSON object: not null, not an array. */
export function isJsonObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Absent, or a string. */
export function isOptionalString(value: unknown): value is string | undefined {
  return value === undefined || typeof value === 'string';
}

/** Absent, null, or a string. */
export function isNullishString(value: unknown): value is string | null | undefined {
  return value === undefined || value === null || typeof value === 'string';
}

/** Absent, null, or a queue position: a whole number ≥ 0. */
export function isNullishQueuePosition(value: unknown): value is number | null | undefined {
  return value === undefined || value === null || (Number.isSafeInteger(value) && (value as number) >= 0);
}
