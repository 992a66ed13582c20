import { ValidationError } from '../errors/validation-error';
import type { FieldMappers } from './field-mapper';
import { MappingContext, unusedWarning, type StandardRequestFields } from './mapping-context';

/** Options of {@link mapRequest}. */
export interface MapRequestOptions {
  readonly provider: string;
  readonly model: string;
  /** Unused standard parameters are errors instead of warnings. */
  readonly strict?: boolean;
}

/** A mapped body and the warnings the mapping produced. */
export interface MappedRequest {
  readonly body: Record<string, unknown>;
  readonly warnings: string[];
}

/**
 * Runs field mappers over a standard request, merges `extraParams` over the result (warning
 * when one replaces a mapped field), and reports every standard field and image that no
 * mapper used: a warning each, or one `ValidationError` when `strict`.
 */
export function mapRequest<TRequest extends StandardRequestFields>(
  request: TRequest,
  mappers: FieldMappers<TRequest>,
  options: MapRequestOptions,
): MappedRequest {
  const context = new MappingContext(request, options.provider, options.model);
  const body: Record<string, unknown> = {};
  for (const [target, mapper] of Object.entries(mappers)) {
    const value = mapper(context);
    if (value !== undefined) body[target] = value;
  }
  mergeExtraParams(body, request.extraParams, context);
  const unused = context.describeUnused();
  if (unused.length > 0 && options.strict) {
    throw new ValidationError({
      provider: options.provider,
      model: options.model,
      issues: unused,
      context: `Unused parameters for ${options.provider} ${options.model} (strict mode)`,
    });
  }
  return { body, warnings: [...context.warnings, ...unused.map(unusedWarning)] };
}

/** Copies `extraParams` into `body`; a key that replaces a mapped field adds a warning. */
export function mergeExtraParams(
  body: Record<string, unknown>,
  extraParams: Readonly<Record<string, unknown>> | undefined,
  context: Pick<MappingContext, 'warn'>,
): void {
  if (!extraParams) return;
  for (const [key, value] of Object.entries(extraParams)) {
    if (key in body) context.warn(`extraParams.${key} replaced the value mapped from the standard request`);
    body[key] = value;
  }
}
