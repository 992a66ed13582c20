import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { componentName, isJsonObject, orderedPropertyNames, type JsonSchema, type SchemaComponents } from '../schema/json-schema';

/** Keywords with no effect on the TypeScript type, dropped before json-schema-to-typescript sees them. */
const DROPPED = new Set(['examples', 'x-fal-order-properties', 'limit_description', '$id', 'x-fal']);

/**
 * Prepares a component for json-schema-to-typescript: references become the generated type
 * names (`tsType`), nested titles are dropped (otherwise every titled field would become its
 * own exported type), properties follow fal's display order, and defaults are documented.
 */
function prepare(node: unknown, typeName: (component: string) => string | undefined, top: boolean): unknown {
  if (Array.isArray(node)) return node.map((item) => prepare(item, typeName, false));
  if (!isJsonObject(node)) return node;
  const schema = node as JsonSchema;
  if (typeof schema.$ref === 'string') {
    const name = componentName(schema.$ref);
    const target = name === undefined ? undefined : typeName(name);
    return { tsType: target ?? 'unknown', ...(schema.description ? { description: schema.description } : {}) };
  }
  const out: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (DROPPED.has(keyword) || (keyword === 'title' && !top)) continue;
    if (keyword === 'properties' && isJsonObject(value)) {
      out[keyword] = Object.fromEntries(orderedPropertyNames(schema).map((name) => [name, prepare(value[name], typeName, false)]));
    } else out[keyword] = prepare(value, typeName, false);
  }
  if ('default' in schema && !top) {
    const documented = `@defaultValue \`${JSON.stringify(schema.default)}\``;
    out['description'] = schema.description ? `${schema.description.trim()}\n\n${documented}` : documented;
  }
  return out;
}

/**
 * The title json-schema-to-typescript names a declaration after; replaced by the real name
 * afterwards, because the library rewrites names (`Flux2Klein4bInput` → `Flux2Klein4BInput`)
 * and the generated code must use fal's own.
 */
const PLACEHOLDER = 'GeneratedDeclaration';

/**
 * The schema json-schema-to-typescript compiles for one component: prepared as above,
 * documented with `documentation` if given, else with the schema's description or name.
 * References are written as `typeName` names them (`unknown` where it names none). Two
 * components with equal declaration schemas compile to the same declaration.
 */
export function declarationSchema(
  component: string,
  components: SchemaComponents,
  typeName: (component: string) => string | undefined,
  documentation?: string,
): Record<string, unknown> {
  const prepared = prepare(components.get(component) ?? {}, typeName, true) as Record<string, unknown>;
  prepared['title'] = PLACEHOLDER;
  prepared['description'] = documentation ?? prepared['description'] ?? `fal's \`${component}\` schema.`;
  return prepared;
}

/**
 * Writes the TypeScript declarations of the `declared` components with
 * json-schema-to-typescript, one exported interface or type each, named (as are the
 * components they refer to) by `names`, and documented as {@link declarationSchema} says.
 * Objects without `additionalProperties` are closed, so a renamed field breaks the code
 * that uses it.
 */
export async function emitTypeDeclarations(
  declared: readonly string[],
  names: ReadonlyMap<string, string>,
  components: SchemaComponents,
  documentation: ReadonlyMap<string, string> = new Map(),
): Promise<string> {
  const declarations = await Promise.all(
    declared.map(async (component) => {
      const schema = declarationSchema(component, components, (name) => names.get(name), documentation.get(component));
      const declaration = await compile(schema as JSONSchema, PLACEHOLDER, {
        bannerComment: '',
        format: false,
        additionalProperties: false,
        unknownAny: true,
        ignoreMinAndMaxItems: true,
        declareExternallyReferenced: false,
        strictIndexSignatures: false,
      });
      const typeName = names.get(component) ?? component;
      return declaration.replace(new RegExp(`^export (interface|type) ${PLACEHOLDER}\\b`, 'm'), `export $1 ${typeName}`);
    }),
  );
  return declarations.join('\n');
}
