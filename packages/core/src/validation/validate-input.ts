import type * as z from 'zod/mini';
import { ValidationError } from '../errors/validation-error';
import { safeParseWithMessages } from './zod-messages';
import { zodIssuesToValidationIssues } from './zod-issues';

/** Where an input is validated, for the error message. */
export interface ValidationTarget {
  readonly provider: string;
  readonly model: string;
  /** Message prefix, e.g. "Invalid video request for fal fal-ai/veo3.1". */
  readonly context?: string;
  /** Path prefix for field names, e.g. `config`. */
  readonly root?: string;
}

/** The field names of an object schema (for unknown-key issues), from zod's core definition so any v4 schema works. */
function objectKeys(schema: z.core.$ZodType): string[] | undefined {
  const def = schema._zod.def;
  return def.type === 'object' ? Object.keys((def as z.core.$ZodObjectDef).shape) : undefined;
}

/**
 * Parses `input` with `schema` (any zod v4 schema: classic or mini), or throws one
 * `ValidationError` listing every problem.
 */
export function validateInput<S extends z.core.$ZodType>(schema: S, input: unknown, target: ValidationTarget): z.core.output<S> {
  const result = safeParseWithMessages(schema, input);
  if (result.success) return result.data;
  const knownKeys = objectKeys(schema);
  throw new ValidationError({
    provider: target.provider,
    model: target.model,
    ...(target.context !== undefined ? { context: target.context } : {}),
    issues: zodIssuesToValidationIssues(result.error.issues, input, {
      ...(target.root !== undefined ? { root: target.root } : {}),
      ...(knownKeys ? { knownKeys } : {}),
    }),
  });
}
