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
 * Whether a default can stand in the zod schema (zod types `.default()` by the schema, so a
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

/**
 * Writes zod (v4) source for a JSON Schema from fal's OpenAPI documents: types, enums,
 * `minimum`/`maximum`/`exclusiveMinimum`, lengths, patterns, item counts, `required`,
 * defaults, `anyOf`/`oneOf` unions with null as `.nullable()`, `allOf` wrappers, nested
 * objects and local `$ref`s (referenced components become named constants; recursive ones
 * are referenced through `z.lazy`). Objects reject unknown keys unless the schema allows
 * additional properties. Shapes it cannot express become `z.unknown()` with a warning.
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
      const annotation = closure.recursive.has(name) ? `: z.ZodType${type ? `<${type}, ${type}>` : ''}` : '';
      return `const ${naming.constantName(name)}${annotation} = ${emitter.expression(components.get(name) ?? {}, name)};`;
    });
    const rootExpression = rootRecursive ? naming.constantName(rootName) : emitter.expression(root, rootName);
    return { declarations, root: rootExpression, external: [...emitter.external], warnings: [...emitter.warnings] };
  }

  /** The zod expression of a schema; `path` names it in warnings. */
  expression(schema: JsonSchema, path: string): string {
    this.reportUnenforced(schema, path);
    const base = this.baseExpression(schema, path);
    return schema.nullable === true && !base.endsWith('.nullable()') ? `${base}.nullable()` : base;
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
    const nullable = concrete.length < types.length ? '.nullable()' : '';
    if (concrete.length > 1) return `z.union([${concrete.map((type) => this.typed(type, schema, path)).join(', ')}])${nullable}`;
    if (concrete.length === 1) return `${this.typed(concrete[0] ?? '', schema, path)}${nullable}`;
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
    const nullable = concrete.length < alternatives.length ? '.nullable()' : '';
    const parts = concrete.map((s, i) => this.expression(s, `${path}.anyOf[${i}]`));
    if (parts.length === 0) return 'z.null()';
    const [only] = parts;
    return `${parts.length === 1 && only !== undefined ? only : `z.union([${parts.join(', ')}])`}${nullable}`;
  }

  private enumeration(values: readonly unknown[], path: string): string {
    const concrete = values.filter((v) => v !== null);
    const nullable = concrete.length < values.length ? '.nullable()' : '';
    if (concrete.length === 0) {
      this.warnings.push(`${path}: empty enum; accepted as unknown`);
      return 'z.unknown()';
    }
    if (concrete.every((v) => typeof v === 'string'))
      return `z.enum(${this.naming.sharedEnums?.get(literal(concrete)) ?? literal(concrete)})${nullable}`;
    return `z.literal(${literal(concrete)})${nullable}`;
  }

  private typed(type: string, schema: JsonSchema, path: string): string {
    switch (type) {
      case 'string':
        return this.string(schema, path);
      case 'integer':
        return `z.int()${this.bounds(schema)}`;
      case 'number':
        return `z.number()${this.bounds(schema)}`;
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
    let out = 'z.string()';
    if (schema.minLength !== undefined) out += `.min(${schema.minLength})`;
    if (schema.maxLength !== undefined) out += `.max(${schema.maxLength})`;
    if (schema.pattern !== undefined) {
      try {
        new RegExp(schema.pattern);
        out += `.regex(new RegExp(${literal(schema.pattern)}))`;
      } catch {
        this.warnings.push(`${path}: pattern ${literal(schema.pattern)} is not a JavaScript regular expression; not enforced`);
      }
    }
    return out;
  }

  private bounds(schema: JsonSchema): string {
    let out = '';
    if (typeof schema.exclusiveMinimum === 'number') out += `.gt(${schema.exclusiveMinimum})`;
    else if (schema.minimum !== undefined) out += schema.exclusiveMinimum === true ? `.gt(${schema.minimum})` : `.min(${schema.minimum})`;
    if (typeof schema.exclusiveMaximum === 'number') out += `.lt(${schema.exclusiveMaximum})`;
    else if (schema.maximum !== undefined) out += schema.exclusiveMaximum === true ? `.lt(${schema.maximum})` : `.max(${schema.maximum})`;
    if (schema.multipleOf !== undefined) out += `.multipleOf(${schema.multipleOf})`;
    return out;
  }

  private array(schema: JsonSchema, path: string): string {
    const items = schema.items;
    let itemExpression = 'z.unknown()';
    if (Array.isArray(items)) this.warnings.push(`${path}: tuple "items" is not enforced; items accepted as unknown`);
    else if (items !== undefined) itemExpression = this.expression(items as JsonSchema, `${path}[]`);
    let out = `z.array(${itemExpression})`;
    if (schema.minItems !== undefined) out += `.min(${schema.minItems})`;
    if (schema.maxItems !== undefined) out += `.max(${schema.maxItems})`;
    return out;
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
      return `${literal(name)}: ${this.expression(property, propertyPath)}${this.presence(property, required.has(name), propertyPath)}`;
    });
    const shape = `{ ${entries.join(', ')} }`;
    if (isJsonObject(additional)) return `z.object(${shape}).catchall(${this.expression(additional as JsonSchema, `${path}{}`)})`;
    return additional === true ? `z.looseObject(${shape})` : `z.strictObject(${shape})`;
  }

  /** `.optional()` or `.default(…)` for a property that may be left out. */
  private presence(property: JsonSchema, required: boolean, path: string): string {
    if (required) return '';
    if (!('default' in property)) return '.optional()';
    const value = property.default;
    if (!defaultFits(resolveSchema(property, this.components), value)) {
      this.warnings.push(`${path}: default ${literal(value)} does not match the schema; left out of the zod schema`);
      return '.optional()';
    }
    // Objects and arrays get a fresh copy per parse, so callers cannot mutate a shared default.
    return typeof value === 'object' && value !== null ? `.default(() => (${literal(value)}))` : `.default(${literal(value)})`;
  }
}
