import type { ModelFamily } from '../analysis/family-grouping';
import { schemaClosure } from '../schema/schema-closure';
import { camelCase, endpointBaseName, moduleSlug, pascalCase, typeNameFor, uniqueNames } from './identifiers';

/** The names a family's generated module uses. */
export interface FamilyNames {
  /** Module file stem, e.g. `veo3-1`. */
  readonly module: string;
  /** Component → type name, for every component the input and output reach. */
  readonly types: ReadonlyMap<string, string>;
  /** Input and output type names, e.g. `Veo31Input` (unique across all modules: the registry imports them). */
  readonly inputType: string;
  readonly outputType: string;
  readonly inputSchema: string;
  readonly mappers: string;
  readonly outputSpec: string;
  /** Endpoint id → exported model definition constant (unique across all modules). */
  readonly models: ReadonlyMap<string, string>;
  /** Components referenced but missing from the document (typed as unknown). */
  readonly dangling: readonly string[];
}

/**
 * Names every family's module, types and constants after its representative endpoint
 * (`fal-ai/veo3.1` → module `veo3-1`, types `Veo31Input`/`Veo31Output`, `veo31Model`). Names
 * the registry imports are unique across families; helper types (`FalFile`, `ImageSize`) are
 * unique within their module.
 */
export function nameFamilies(families: readonly ModelFamily[]): FamilyNames[] {
  const representatives = families.map((f) => f.representative.schema.endpointId);
  const modules = uniqueNames(representatives, moduleSlug);
  const bases = uniqueNames(representatives, (id) => pascalCase(endpointBaseName(id)));
  const models = uniqueNames(
    families.flatMap((f) => f.members.map((m) => m.schema.endpointId)),
    (id) => `${camelCase(endpointBaseName(id))}Model`,
  );
  return families.map((family) => {
    const { schema } = family.representative;
    const base = bases.get(schema.endpointId) ?? 'Endpoint';
    const [inputType, outputType] = [`${base}Input`, `${base}Output`];
    const closure = schemaClosure([schema.inputName, schema.outputName], schema.components);
    const helpers = closure.ordered.filter((n) => n !== schema.inputName && n !== schema.outputName);
    const types = new Map([
      [schema.inputName, inputType],
      [schema.outputName, outputType],
      ...uniqueNames(helpers, typeNameFor, [inputType, outputType]),
    ]);
    const constant = camelCase(base);
    return {
      module: modules.get(schema.endpointId) ?? moduleSlug(schema.endpointId),
      types,
      inputType,
      outputType,
      inputSchema: `${constant}InputSchema`,
      mappers: `${constant}Mappers`,
      outputSpec: `${constant}OutputSpec`,
      models: new Map(family.members.map((m) => [m.schema.endpointId, models.get(m.schema.endpointId) ?? 'model'])),
      dangling: closure.dangling,
    };
  });
}
