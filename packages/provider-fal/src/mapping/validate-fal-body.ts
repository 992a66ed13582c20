import { PendingMedia, safeParseWithMessages, ValidationError, zodIssuesToValidationIssues, type ValidationIssue } from '@tarash/core';
import type * as z from 'zod/mini';
import type { FalModelDefinition } from '../models/fal-model-definition';

/** Host of the stand-in URLs media is checked with: `.invalid` can never resolve. */
const PLACEHOLDER_ORIGIN = 'https://media.tarash.invalid';

/** The body as fal will see it, with every `PendingMedia` replaced by a stand-in URL (synchronously: prepare is pure). */
function withPlaceholderMedia(value: unknown): unknown {
  if (value instanceof PendingMedia) return `${PLACEHOLDER_ORIGIN}/${encodeURIComponent(value.source)}`;
  if (Array.isArray(value)) return value.map(withPlaceholderMedia);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withPlaceholderMedia(item)]));
  }
  return value;
}

/** The field names of an object schema, from zod's core definition so any v4 schema works. */
function knownKeysOf(schema: z.core.$ZodType): string[] | undefined {
  const def = schema._zod.def;
  return def.type === 'object' ? Object.keys((def as z.core.$ZodObjectDef).shape) : undefined;
}

/**
 * Checks a mapped body (after `extraParams`) against the endpoint's input schema before
 * anything is sent. Issues name fal's field, the value and the allowed values; a field the
 * endpoint does not have is reported with the fields it does have.
 */
export function validateFalBody(body: Record<string, unknown>, definition: FalModelDefinition, provider: string): void {
  const schema = definition.inputSchema();
  const candidate = withPlaceholderMedia(body);
  const result = safeParseWithMessages(schema, candidate);
  if (result.success) return;
  const knownKeys = knownKeysOf(schema);
  const issues: ValidationIssue[] = zodIssuesToValidationIssues(result.error.issues, candidate, knownKeys ? { knownKeys } : {}).map((issue) =>
    issue.message.startsWith('unknown field') ? { ...issue, message: `is not an input field of ${definition.endpointId}` } : issue,
  );
  throw new ValidationError({
    provider,
    model: definition.endpointId,
    context: `Invalid fal request for ${definition.endpointId} (fields are fal's input fields, after mapping and extraParams)`,
    issues,
  });
}
