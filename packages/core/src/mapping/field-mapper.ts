import type { MappingContext, StandardRequestFields } from './mapping-context';

/**
 * Computes one provider field from the standard request. Returning `undefined` leaves the
 * field out. Mappers read through the context so that used fields and images are tracked.
 */
export type FieldMapper<TRequest extends StandardRequestFields = StandardRequestFields> = (
  context: MappingContext<TRequest>,
) => unknown;

/** Provider field name → mapper. The key is the provider's field, so a mapper is also a rename. */
export type FieldMappers<TRequest extends StandardRequestFields = StandardRequestFields> = Readonly<
  Record<string, FieldMapper<TRequest>>
>;
