import type { z } from 'zod';
import { ValidationError } from '../errors/validation-error';
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

/** Parses `input` with `schema`, or throws one `ValidationError` listing every problem. */
export function validateInput<S extends z.ZodType>(schema: S, input: unknown, target: ValidationTarget): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  throw new ValidationError({
    provider: target.provider,
    model: target.model,
    ...(target.context !== undefined ? { context: target.context } : {}),
    issues: zodIssuesToValidationIssues(result.error.issues, input, {
      ...(target.root !== undefined ? { root: target.root } : {}),
      ...(shape ? { knownKeys: Object.keys(shape) } : {}),
    }),
  });
}
