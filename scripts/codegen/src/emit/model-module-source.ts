import type { ModelFamily } from '../analysis/family-grouping';
import type { MapperPlan } from '../analysis/mapping-plan';
import { directReferences, schemaClosure } from '../schema/schema-closure';
import { generatedBanner } from './banner';
import { isShared, type ComponentVariant } from './component-variants';
import type { FamilyNames } from './family-names';
import { schemaConstantName } from './identifiers';
import { mapperSource, type MapperImport } from './mapper-source';
import { SHARED_COMPONENTS_MODULE, sharedSchemaCall } from './shared-components-source';
import { emitTypeDeclarations } from './typescript-types';
import { ZodSourceEmitter } from './zod-source';

/** A generated module's source (unformatted) and what the generator should report about it. */
export interface EmittedModule {
  readonly source: string;
  readonly warnings: readonly string[];
}

const literal = (value: unknown): string => JSON.stringify(value);

/** A list of allowed values the mapping and the zod schema both use, declared once. */
interface SharedValueList {
  readonly name: string;
  readonly field: string;
  readonly values: string;
}

/** The string lists of enum, duration and `image_size` mappers, by their JSON. */
function sharedValueLists(plans: readonly MapperPlan[]): Map<string, SharedValueList> {
  const lists = new Map<string, SharedValueList>();
  for (const plan of plans) {
    const values =
      plan.kind === 'enum'
        ? plan.allowed
        : plan.kind === 'duration' && plan.plan.kind === 'enum'
          ? plan.plan.allowed
          : plan.kind === 'image-size'
            ? plan.presets
            : [];
    const key = literal(values);
    if (values.length === 0 || !values.every((v) => typeof v === 'string') || lists.has(key)) continue;
    lists.set(key, { name: `${plan.field.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase()}_VALUES`, field: plan.field, values: key });
  }
  return lists;
}

/** The import of what a module uses from the shared components module, if anything. */
function sharedImport(schemas: readonly string[], types: readonly string[]): string[] {
  const from = `'./${SHARED_COMPONENTS_MODULE}'`;
  const sortedTypes = [...types].sort();
  if (schemas.length === 0) return sortedTypes.length === 0 ? [] : [`import type { ${sortedTypes.join(', ')} } from ${from};`];
  return [`import { ${[...[...schemas].sort(), ...sortedTypes.map((type) => `type ${type}`)].join(', ')} } from ${from};`];
}

function importLines(imports: readonly MapperImport[], requestType: string): string[] {
  const coreNames = [...new Set(imports.filter((i) => i.from === '@tarash/core').map((i) => i.name))].sort();
  const local = new Map<string, Set<string>>();
  for (const { from, name } of imports) if (from !== '@tarash/core') local.set(from, (local.get(from) ?? new Set()).add(name));
  return [
    `import { ${[...coreNames, `type ${requestType}`].join(', ')} } from '@tarash/core';`,
    `import * as z from 'zod/mini';`,
    `import type { FalInputMappers } from '../fal-input-mappers';`,
    `import type { FalModelDefinition, FalOutputSpec } from '../fal-model-definition';`,
    `import { lazySchema } from '../lazy-schema';`,
    ...[...local.keys()].sort().map((from) => `import { ${[...(local.get(from) ?? [])].sort().join(', ')} } from '${from}';`),
  ];
}

/**
 * Writes one family's module: banner, input/output types (json-schema-to-typescript), the
 * lazily built zod input schema, the mapping from the standard request (checked against the
 * input type's keys), the output spec, and one `FalModelDefinition` per endpoint. Components
 * that other modules share (`components`, see {@link isShared}) are imported from the shared
 * components module instead of declared, their types and their zod schemas alike.
 */
export async function emitModelModule(
  family: ModelFamily,
  names: FamilyNames,
  components: ReadonlyMap<string, ComponentVariant>,
): Promise<EmittedModule> {
  const { representative, members } = family;
  const { schema, modality, mapping, output } = representative;
  const shared = sharedValueLists(mapping.mappers);
  const typeName = (component: string): string => names.types.get(component) ?? component;
  const isImported = (component: string): boolean => {
    const variant = components.get(component);
    return variant !== undefined && isShared(variant);
  };
  const zod = ZodSourceEmitter.forComponent(schema.inputName, schema.components, {
    constantName: (component) => schemaConstantName(typeName(component)),
    typeName,
    sharedEnums: new Map([...shared].map(([key, list]) => [key, list.name])),
    external: (component) => (isImported(component) ? sharedSchemaCall(typeName(component)) : undefined),
  });
  const writeValue = (value: unknown): string => shared.get(literal(value))?.name ?? literal(value);
  const endpoints = members.map((m) => `\`${m.schema.endpointId}\``).join(', ');
  const documentation = new Map([
    [schema.inputName, `Request body of ${endpoints} (fal's input schema). \`Partial\` of it types \`extraParams\`.`],
    [schema.outputName, `Result of ${endpoints} (fal's output schema).`],
  ]);
  const declared = [...names.types.keys()].filter((component) => !isImported(component));
  const types = await emitTypeDeclarations(declared, names.types, schema.components, documentation);
  // The types its own declarations refer to; the shared ones refer to each other in their module.
  const importedTypes = new Set(
    declared
      .flatMap((component) => directReferences(schema.components.get(component)))
      .filter(isImported)
      .map(typeName),
  );
  const mappers = mapping.mappers.map((plan) => ({ field: plan.field, ...mapperSource(plan, writeValue) }));
  const requestType = modality === 'video' ? 'VideoGenerationRequest' : 'ImageGenerationRequest';
  const { inputType, outputType } = names;
  const models = members.map((member) => {
    const id = member.schema.endpointId;
    return [
      `/** \`${id}\`${member.schema.category ? ` (${member.schema.category})` : ''}, generated from its OpenAPI schema. */`,
      `export const ${names.models.get(id)}: FalModelDefinition = {`,
      `  endpointId: ${literal(id)},`,
      `  modality: ${literal(modality)},`,
      `  mappers: ${names.mappers},`,
      `  inputSchema: ${names.inputSchema},`,
      `  output: ${names.outputSpec},`,
      `  schemaSha256: ${literal(member.schema.sha256)},`,
      `};`,
      '',
    ].join('\n');
  });
  const source = [
    generatedBanner(members.map((m) => m.schema)),
    ...importLines(
      mappers.flatMap((m) => m.imports),
      requestType,
    ),
    ...sharedImport(
      zod.external.map((component) => schemaConstantName(typeName(component))),
      [...importedTypes],
    ),
    '',
    types,
    ...[...shared.values()].map((list) => `/** The allowed \`${list.field}\` values. */\nconst ${list.name} = ${list.values} as const;\n`),
    `/** Validates a request body for {@link ${inputType}}; built on first use. */`,
    `export const ${names.inputSchema} = lazySchema((): z.ZodMiniType<${inputType}, ${inputType}> => {`,
    ...zod.declarations,
    `  return ${zod.root};`,
    '});',
    '',
    `/** Maps the standard ${modality} request to {@link ${inputType}} (each key is an input field). */`,
    `export const ${names.mappers} = {`,
    ...mappers.map((m) => `  ${literal(m.field)}: ${m.code},`),
    `} satisfies FalInputMappers<${requestType}, ${inputType}>;`,
    '',
    `/** The media fields of {@link ${outputType}}. */`,
    `export const ${names.outputSpec}: FalOutputSpec = ${literal(output)};`,
    '',
    ...models,
  ].join('\n');
  const dangling = names.dangling.map((name) => `dangling reference #/components/schemas/${name}: typed as unknown`);
  // The shared schemas' own warnings hold for every module whose input uses them.
  const sharedWarnings = schemaClosure([schema.inputName], schema.components)
    .ordered.filter(isImported)
    .flatMap((component) => components.get(component)?.warnings ?? []);
  return { source, warnings: [...dangling, ...zod.warnings, ...sharedWarnings] };
}
