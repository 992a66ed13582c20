import type { FieldMapper, StandardRequestFields } from '@tarash/core';

/**
 * Field mappers keyed by an endpoint's own input fields. Generated mappings are checked with
 * `satisfies FalInputMappers<Request, Input>`, so a field fal renames breaks the type check.
 */
export type FalInputMappers<TRequest extends StandardRequestFields, TInput> = {
  readonly [K in keyof TInput & string]?: FieldMapper<TRequest>;
};
