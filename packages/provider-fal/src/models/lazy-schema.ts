import type * as z from 'zod/mini';

/**
 * Wraps a schema builder so the schema is built on first use and then reused. Generated
 * models declare their input schemas this way: importing 75 models builds none of them.
 */
export function lazySchema<T extends z.core.$ZodType>(build: () => T): () => T {
  let schema: T | undefined;
  return () => (schema ??= build());
}
