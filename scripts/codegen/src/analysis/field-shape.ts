import {
  componentName,
  declaredTypes,
  nullableAlternatives,
  orderedPropertyNames,
  resolveSchema,
  singleReference,
  type JsonSchema,
  type SchemaComponents,
} from '../schema/json-schema';

/** The JSON type of a field once wrappers and nullability are looked through. */
export type FieldKind = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object' | 'union' | 'unknown';

/** One top-level input or output field, with what the mapping planner needs to know. */
export interface FieldShape {
  readonly name: string;
  readonly required: boolean;
  readonly kind: FieldKind;
  /** The field's schema with references and nullability resolved (the first alternative of a union). */
  readonly schema: JsonSchema;
  /** The alternatives of a union field (`kind: 'union'`), each resolved. */
  readonly alternatives: readonly JsonSchema[];
  /** Allowed values, without `null`. */
  readonly enumValues: readonly unknown[] | undefined;
  /** The component the field refers to, e.g. `VideoFile`. */
  readonly referenceName: string | undefined;
  /** The field's default (its own, or else its schema's). */
  readonly defaultValue: unknown;
  readonly description: string;
}

function kindOf(schema: JsonSchema): FieldKind {
  const types = declaredTypes(schema).filter((t) => t !== 'null');
  const [type] = types;
  if (
    types.length === 1 &&
    (type === 'string' || type === 'integer' || type === 'number' || type === 'boolean' || type === 'array' || type === 'object')
  ) {
    return type;
  }
  if (types.length === 0 && schema.enum !== undefined) {
    const values = schema.enum.filter((v) => v !== null);
    if (values.every((v) => typeof v === 'string')) return 'string';
    if (values.every((v) => Number.isInteger(v))) return 'integer';
  }
  if (types.length === 0 && schema.properties !== undefined) return 'object';
  return 'unknown';
}

function referencedComponent(schema: JsonSchema): string | undefined {
  const reference = singleReference(schema);
  return reference === undefined ? undefined : componentName(reference);
}

/** Describes one property of an object schema. Dangling references give `kind: 'unknown'`. */
export function inspectField(name: string, schema: JsonSchema, required: boolean, components: SchemaComponents): FieldShape {
  const resolved = resolveSchema(schema, components);
  const base = { name, required, description: schema.description ?? resolved?.description ?? '' };
  if (!resolved) {
    return {
      ...base,
      kind: 'unknown',
      schema,
      alternatives: [],
      enumValues: undefined,
      referenceName: undefined,
      defaultValue: schema.default,
    };
  }
  // `null` alternatives do not change how a field is mapped (absent and null are both left out).
  const { alternatives: raw } = nullableAlternatives(resolved);
  const alternatives = raw.map((alt) => resolveSchema(alt, components)).filter((alt): alt is JsonSchema => alt !== undefined);
  const [first] = alternatives;
  const single = alternatives.length === 1 && raw.length === 1 && first !== undefined;
  const fieldSchema = single ? first : resolved;
  const enumValues = single ? first.enum?.filter((v) => v !== null) : undefined;
  return {
    ...base,
    referenceName: referencedComponent(schema) ?? (raw.length === 1 && raw[0] ? referencedComponent(raw[0]) : undefined),
    kind: single ? kindOf(first) : alternatives.length > 1 ? 'union' : 'unknown',
    schema: fieldSchema,
    alternatives,
    enumValues,
    defaultValue: resolved.default ?? fieldSchema.default,
  };
}

/** Inspects every property of an object schema, in fal's display order. */
export function inspectFields(objectSchema: JsonSchema, components: SchemaComponents): FieldShape[] {
  const required = new Set(objectSchema.required ?? []);
  return orderedPropertyNames(objectSchema).map((name) => {
    const property = objectSchema.properties?.[name] ?? {};
    return inspectField(name, property, required.has(name), components);
  });
}

/**
 * The inclusive range of a number schema, for mapper messages: an exclusive bound on an
 * integer moves by one; on a decimal it is kept as is (the zod schema enforces exclusivity).
 */
export function numericRange(schema: JsonSchema): { readonly min: number | undefined; readonly max: number | undefined } {
  const integer = declaredTypes(schema).includes('integer');
  const step = integer ? 1 : 0;
  let min = schema.minimum;
  let max = schema.maximum;
  if (typeof schema.exclusiveMinimum === 'number') min = schema.exclusiveMinimum + step;
  else if (schema.exclusiveMinimum === true && min !== undefined) min += step;
  if (typeof schema.exclusiveMaximum === 'number') max = schema.exclusiveMaximum - step;
  else if (schema.exclusiveMaximum === true && max !== undefined) max -= step;
  return { min, max };
}

/** The bounds that exist, as optional properties. */
export function definedBounds(range: { readonly min: number | undefined; readonly max: number | undefined }): {
  min?: number;
  max?: number;
} {
  return { ...(range.min !== undefined ? { min: range.min } : {}), ...(range.max !== undefined ? { max: range.max } : {}) };
}
