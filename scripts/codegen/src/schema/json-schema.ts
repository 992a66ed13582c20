/**
 * The subset of JSON Schema (as written in fal's OpenAPI 3.0 documents) the generator reads.
 * Unknown keywords stay readable through the index signature.
 */
export interface JsonSchema {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema | readonly JsonSchema[];
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  /** OpenAPI 3.0 nullability. */
  readonly nullable?: boolean;
  readonly minimum?: number;
  readonly maximum?: number;
  /** A number (JSON Schema draft 6+) or a flag on `minimum` (OpenAPI 3.0 / draft 4). */
  readonly exclusiveMinimum?: number | boolean;
  readonly exclusiveMaximum?: number | boolean;
  readonly multipleOf?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly default?: unknown;
  readonly title?: string;
  readonly description?: string;
  readonly examples?: readonly unknown[];
  readonly format?: string;
  readonly 'x-fal-order-properties'?: readonly string[];
  readonly [keyword: string]: unknown;
}

/** Named schemas of one document (`components.schemas`). */
export type SchemaComponents = ReadonlyMap<string, JsonSchema>;

const COMPONENT_REF = /^#\/components\/schemas\/(.+)$/;

/** The component name of a local `#/components/schemas/<name>` reference, if it is one. */
export function componentName(ref: string): string | undefined {
  const match = COMPONENT_REF.exec(ref);
  return match?.[1] === undefined ? undefined : decodeURIComponent(match[1]);
}

/** Whether a value is a JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The property names of an object schema, in fal's display order (`x-fal-order-properties`) first. */
export function orderedPropertyNames(schema: JsonSchema): string[] {
  const names = Object.keys(schema.properties ?? {});
  const order = (schema['x-fal-order-properties'] ?? []).filter((name) => names.includes(name));
  return [...order, ...names.filter((name) => !order.includes(name))];
}

/**
 * Looks through the wrappers fal puts around a field's real schema: a `$ref` to a component,
 * and `allOf: [{ $ref }]` with annotations beside it. Returns the referenced schema merged
 * under the wrapper's own keywords (so a field's `default` and `description` win), or the
 * schema itself. Dangling references resolve to `undefined`.
 */
export function resolveSchema(schema: JsonSchema, components: SchemaComponents): JsonSchema | undefined {
  let current: JsonSchema = schema;
  const seen = new Set<string>();
  for (;;) {
    const target = singleReference(current);
    if (target === undefined) return current;
    const name = componentName(target);
    const referenced = name === undefined ? undefined : components.get(name);
    if (name === undefined || referenced === undefined || seen.has(name)) return undefined;
    seen.add(name);
    const { $ref: _ref, allOf: _allOf, ...annotations } = current;
    current = { ...referenced, ...annotations };
  }
}

/** The `$ref` a schema stands for: its own, or that of an `allOf` holding one reference only. */
export function singleReference(schema: JsonSchema): string | undefined {
  if (typeof schema.$ref === 'string') return schema.$ref;
  const [only, ...rest] = schema.allOf ?? [];
  return only && rest.length === 0 && typeof only.$ref === 'string' ? only.$ref : undefined;
}

/** The JSON types a schema declares (`type` as a string or a list). */
export function declaredTypes(schema: JsonSchema): string[] {
  if (typeof schema.type === 'string') return [schema.type];
  return Array.isArray(schema.type) ? schema.type.filter((t): t is string => typeof t === 'string') : [];
}

/** Splits `anyOf: [X, {type: null}]` (or `nullable: true`) into the non-null alternatives and a flag. */
export function nullableAlternatives(schema: JsonSchema): { readonly alternatives: readonly JsonSchema[]; readonly nullable: boolean } {
  const union = schema.anyOf ?? schema.oneOf;
  if (!union) return { alternatives: [schema], nullable: schema.nullable === true };
  const isNull = (s: JsonSchema): boolean => declaredTypes(s).length === 1 && declaredTypes(s)[0] === 'null' && s.enum === undefined;
  const alternatives = union.filter((s) => !isNull(s));
  return { alternatives, nullable: alternatives.length < union.length || schema.nullable === true };
}
