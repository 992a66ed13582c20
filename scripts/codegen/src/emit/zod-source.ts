import {
  componentName,
  declaredTypes,
  isJsonObject,
  orderedPropertyNames,
  resolveSchema,
  type JsonSchema,
  type SchemaComponents,
} from '../schema/json-schema';
import { schemaClosure } from '../schema/schema-closure';

/** JSON Schema validation keywords the emitter does not enforce (they are reported, then ignored). */
const UNENFORCED_KEYWORDS = [
  'not',
  'if',
  'then',
  'else',
  'patternProperties',
  'propertyNames',
  'dependencies',
  'dependentRequired',
  'dependentSchemas',
  'contains',
  'uniqueItems',
  'prefixItems',
  'minProperties',
  'maxProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
];

/** How emitted code names things. */
export interface ZodNaming {
  /** The constant holding a component's schema. */
  readonly constantName: (component: string) => string;
  /** The TypeScript type of a component, to type recursive constants. */
  readonly typeName?: (component: string) => string;
  /** String enums declared elsewhere in the module: JSON of the values → constant name. */
  readonly sharedEnums?: ReadonlyMap<string, string>;
  /**
   * The expression of a component whose schema is built elsewhere (in the shared components
   * module: `imageSizeSchema()`), or undefined for one declared here.
   */
  readonly external?: (component: string) => string | undefined;
}

/** The zod source of one schema: statements for helper schemas, then the root expression. */
export interface ZodSource {
  /** `const X = …;` declarations of the components the root refers to, dependencies first. */
  readonly declarations: readonly string[];
  /** The root schema's expression. */
  readonly root: string;
  /** Components built elsewhere that the declarations or the root refer to (to import), in order of first use. */
  readonly external: readonly string[];
  /** What could not be expressed exactly (it was loosened to `z.unknown()` or left unchecked). */
  readonly warnings: readonly string[];
}

const literal = (value: unknown): string => JSON.stringify(value);

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

/**
 * Whether a default can stand in the zod schema (zod types `_default()` by the schema, so a
 * default outside an enum or of another type would not compile). Checks enums and types only.
 */
function defaultFits(schema: JsonSchema | undefined, value: unknown): boolean {
  if (schema === undefined) return true;
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return alternatives.some((alternative) => defaultFits(alternative, value));
  if (schema.enum) return schema.enum.some((allowed) => JSON.stringify(allowed) === JSON.stringify(value));
  const types = declaredTypes(schema);
  const type = jsonType(value);
  return types.length === 0 || types.includes(type) || (type === 'integer' && types.includes('number'));
}

/** `base` with its checks (`z.minLength(1)`, `z.lte(50)`…), if it has any. */
const withChecks = (base: string, checks: readonly string[]): string => (checks.length === 0 ? base : `${base}.check(${checks.join(', ')})`);

/** `expression` accepting null too; nullable is always the outermost call, so it is never wrapped twice. */
const nullable = (expression: string): string => (expression.startsWith('z.nullable(') ? expression : `z.nullable(${expression})`);

/**
 * Writes zod/mini (v4) source for a JSON Schema from fal's OpenAPI documents: types, enums,
 * `minimum`/`maximum`/`exclusiveMinimum`, lengths, patterns, item counts, `required`,
 * defaults, `anyOf`/`oneOf` unions with null as `z.nullable()`, `allOf` wrappers, nested
 * objects and local `$ref`s (referenced components become named constants; recursive ones
 * are referenced through `z.lazy`). Objects reject unknown keys unless the schema allows
 * additional properties. Shapes it cannot express become `z.unknown()` with a warning. It
 * uses zod/mini's functions, not classic zod's methods, so that bundles keep only what is used.
 */
export class ZodSourceEmitter {
  private readonly warnings: string[] = [];
  private readonly external: string[] = [];

  constructor(
    private readonly components: SchemaComponents,
    private readonly naming: ZodNaming,
    private readonly recursive: ReadonlySet<string> = new Set(),
  ) {}

  /** Emits the root component and every component it reaches, except those built elsewhere (`naming.external`). */
  static forComponent(rootName: string, components: SchemaComponents, naming: ZodNaming): ZodSource {
    const closure = schemaClosure([rootName], components);
    const emitter = new ZodSourceEmitter(components, naming, closure.recursive);
    const root = components.get(rootName) ?? {};
    const rootRecursive = closure.recursive.has(rootName);
    const declared = closure.ordered.filter((name) => (name !== rootName || rootRecursive) && naming.external?.(name) === undefined);
    const declarations = declared.map((name) => {
      // A recursive constant needs a declared type (TypeScript cannot infer its own initializer).
      const type = naming.typeName?.(name);
      const annotation = closure.recursive.has(name) ? `: z.ZodMiniType${type ? `<${type}, ${type}>` : ''}` : '';
      return `const ${naming.constantName(name)}${annotation} = ${emitter.expression(components.get(name) ?? {}, name)};`;
    });
    const rootExpression = rootRecursive ? naming.constantName(rootName) : emitter.expression(root, rootName);
    return { declarations, root: rootExpression, external: [...emitter.external], warnings: [...emitter.warnings] };
  }

  /** The zod expression of a schema; `path` names it in warnings. */
  expression(schema: JsonSchema, path: string): string {
    this.reportUnenforced(schema, path);
    const base = this.baseExpression(schema, path);
    return schema.nullable === true ? nullable(base) : base;
  }

  private reportUnenforced(schema: JsonSchema, path: string): void {
    for (const keyword of UNENFORCED_KEYWORDS) {
      if (keyword in schema) this.warnings.push(`${path}: "${keyword}" is not enforced by the zod schema`);
    }
  }

  private baseExpression(schema: JsonSchema, path: string): string {
    if (typeof schema.$ref === 'string') return this.reference(schema.$ref, path);
    if (schema.allOf) return this.allOf(schema.allOf, path);
    const union = schema.anyOf ?? schema.oneOf;
    if (union) return this.union(union, path);
    if ('const' in schema) return `z.literal(${literal(schema.const)})`;
    if (schema.enum) return this.enumeration(schema.enum, path);
    const types = declaredTypes(schema);
    const concrete = types.filter((t) => t !== 'null');
    const orNull = concrete.length < types.length ? nullable : (expression: string) => expression;
    if (concrete.length > 1) return orNull(`z.union([${concrete.map((type) => this.typed(type, schema, path)).join(', ')}])`);
    if (concrete.length === 1) return orNull(this.typed(concrete[0] ?? '', schema, path));
    if (types.length === 1) return 'z.null()';
    if (schema.properties || schema.additionalProperties !== undefined) return this.object(schema, path);
    if (schema.items) return this.array(schema, path);
    return 'z.unknown()';
  }

  private reference(ref: string, path: string): string {
    const name = componentName(ref);
    if (name === undefined || !this.components.has(name)) {
      this.warnings.push(`${path}: dangling reference ${ref}; accepted as unknown`);
      return 'z.unknown()';
    }
    const external = this.naming.external?.(name);
    if (external !== undefined) {
      if (!this.external.includes(name)) this.external.push(name);
      return external;
    }
    const constant = this.naming.constantName(name);
    return this.recursive.has(name) ? `z.lazy(() => ${constant})` : constant;
  }

  private allOf(members: readonly JsonSchema[], path: string): string {
    const [only] = members;
    if (only && members.length === 1) return this.expression(only, `${path}.allOf[0]`);
    // Strict objects cannot be intersected (each would reject the other's keys): merge them.
    const resolved = members.map((m) => resolveSchema(m, this.components));
    if (resolved.every((m): m is JsonSchema => m !== undefined && m.properties !== undefined)) {
      const merged: JsonSchema = {
        type: 'object',
        properties: Object.assign({}, ...resolved.map((m) => m.properties)) as Record<string, JsonSchema>,
        required: resolved.flatMap((m) => m.required ?? []),
        ...(resolved.some((m) => m.additionalProperties === true) ? { additionalProperties: true } : {}),
      };
      return this.object(merged, path);
    }
    return members.map((m, i) => this.expression(m, `${path}.allOf[${i}]`)).reduce((a, b) => `z.intersection(${a}, ${b})`);
  }

  private union(alternatives: readonly JsonSchema[], path: string): string {
    const isNull = (s: JsonSchema): boolean => declaredTypes(s).length === 1 && declaredTypes(s)[0] === 'null' && !s.enum;
    const concrete = alternatives.filter((s) => !isNull(s));
    const parts = concrete.map((s, i) => this.expression(s, `${path}.anyOf[${i}]`));
    if (parts.length === 0) return 'z.null()';
    const [only] = parts;
    const union = parts.length === 1 && only !== undefined ? only : `z.union([${parts.join(', ')}])`;
    return concrete.length < alternatives.length ? nullable(union) : union;
  }

  private enumeration(values: readonly unknown[], path: string): string {
    const concrete = values.filter((v) => v !== null);
    const orNull = concrete.length < values.length ? nullable : (expression: string) => expression;
    if (concrete.length === 0) {
      this.warnings.push(`${path}: empty enum; accepted as unknown`);
      return 'z.unknown()';
    }
    if (concrete.every((v) => typeof v === 'string'))
      return orNull(`z.enum(${this.naming.sharedEnums?.get(literal(concrete)) ?? literal(concrete)})`);
    return orNull(`z.literal(${literal(concrete)})`);
  }

  private typed(type: string, schema: JsonSchema, path: string): string {
    switch (type) {
      case 'string':
        return this.string(schema, path);
      case 'integer':
        return withChecks('z.int()', this.bounds(schema));
      case 'number':
        return withChecks('z.number()', this.bounds(schema));
      case 'boolean':
        return 'z.boolean()';
      case 'array':
        return this.array(schema, path);
      case 'object':
        return this.object(schema, path);
      default:
        this.warnings.push(`${path}: unknown type ${literal(type)}; accepted as unknown`);
        return 'z.unknown()';
    }
  }

  private string(schema: JsonSchema, path: string): string {
    const checks: string[] = [];
    if (schema.minLength !== undefined) checks.push(`z.minLength(${schema.minLength})`);
    if (schema.maxLength !== undefined) checks.push(`z.maxLength(${schema.maxLength})`);
    if (schema.pattern !== undefined) {
      try {
        new RegExp(schema.pattern);
        checks.push(`z.regex(new RegExp(${literal(schema.pattern)}))`);
      } catch {
        this.warnings.push(`${path}: pattern ${literal(schema.pattern)} is not a JavaScript regular expression; not enforced`);
      }
    }
    return withChecks('z.string()', checks);
  }

  /** The range checks of a number: `z.gte` / `z.lte` for inclusive bounds, `z.gt` / `z.lt` for exclusive ones. */
  private bounds(schema: JsonSchema): string[] {
    const checks: string[] = [];
    if (typeof schema.exclusiveMinimum === 'number') checks.push(`z.gt(${schema.exclusiveMinimum})`);
    else if (schema.minimum !== undefined) checks.push(schema.exclusiveMinimum === true ? `z.gt(${schema.minimum})` : `z.gte(${schema.minimum})`);
    if (typeof schema.exclusiveMaximum === 'number') checks.push(`z.lt(${schema.exclusiveMaximum})`);
    else if (schema.maximum !== undefined) checks.push(schema.exclusiveMaximum === true ? `z.lt(${schema.maximum})` : `z.lte(${schema.maximum})`);
    if (schema.multipleOf !== undefined) checks.push(`z.multipleOf(${schema.multipleOf})`);
    return checks;
  }

  private array(schema: JsonSchema, path: string): string {
    const items = schema.items;
    let itemExpression = 'z.unknown()';
    if (Array.isArray(items)) this.warnings.push(`${path}: tuple "items" is not enforced; items accepted as unknown`);
    else if (items !== undefined) itemExpression = this.expression(items as JsonSchema, `${path}[]`);
    const checks: string[] = [];
    if (schema.minItems !== undefined) checks.push(`z.minLength(${schema.minItems})`);
    if (schema.maxItems !== undefined) checks.push(`z.maxLength(${schema.maxItems})`);
    return withChecks(`z.array(${itemExpression})`, checks);
  }

  private object(schema: JsonSchema, path: string): string {
    const additional = schema.additionalProperties;
    const names = orderedPropertyNames(schema);
    if (names.length === 0) {
      if (additional === false) return 'z.strictObject({})';
      const values = isJsonObject(additional) ? this.expression(additional as JsonSchema, `${path}{}`) : 'z.unknown()';
      return `z.record(z.string(), ${values})`;
    }
    const required = new Set(schema.required ?? []);
    const entries = names.map((name) => {
      const property = schema.properties?.[name] ?? {};
      const propertyPath = `${path}.${name}`;
      return `${literal(name)}: ${this.presence(this.expression(property, propertyPath), property, required.has(name), propertyPath)}`;
    });
    const shape = `{ ${entries.join(', ')} }`;
    if (isJsonObject(additional)) return `z.catchall(z.object(${shape}), ${this.expression(additional as JsonSchema, `${path}{}`)})`;
    return additional === true ? `z.looseObject(${shape})` : `z.strictObject(${shape})`;
  }

  /** A property's `expression`, wrapped in `z.optional(…)` or `z._default(…)` when it may be left out. */
  private presence(expression: string, property: JsonSchema, required: boolean, path: string): string {
    if (required) return expression;
    if (!('default' in property)) return `z.optional(${expression})`;
    const value = property.default;
    if (!defaultFits(resolveSchema(property, this.components), value)) {
      this.warnings.push(`${path}: default ${literal(value)} does not match the schema; left out of the zod schema`);
      return `z.optional(${expression})`;
    }
    // Objects and arrays get a fresh copy per parse, so callers cannot mutate a shared default.
    return typeof value === 'object' && value !== null ? `z._default(${expression}, () => (${literal(value)}))` : `z._default(${expression}, ${literal(value)})`;
  }
}
