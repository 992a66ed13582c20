import type { ModelFamily } from '../analysis/family-grouping';
import { schemaClosure } from '../schema/schema-closure';
import type { ComponentVariants } from './component-variants';
import { camelCase, endpointBaseName, moduleSlug, pascalCase, typeNameFor, uniqueNames } from './identifiers';
import { SHARED_COMPONENTS_MODULE } from './shared-components-source';

/** The names a family's generated module uses. */
export interface FamilyNames {
  /** Module file stem, e.g. `veo3-1`. */
  readonly module: string;
  /** Component → type name, for every component the input and output reach (the same name wherever a variant is used). */
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
 * the registry imports are unique across families. Each component variant gets one name
 * across all modules, after fal's component (`File` → `FalFile`); a component with several
 * variants gives its most used one that name and numbers the others (`LoRAInput2`), so
 * that no two different declarations share a name.
 */
export function nameFamilies(families: readonly ModelFamily[], components: ComponentVariants): FamilyNames[] {
  const representatives = families.map((f) => f.representative.schema.endpointId);
  const modules = uniqueNames(representatives, moduleSlug, [SHARED_COMPONENTS_MODULE]);
  const bases = uniqueNames(representatives, (id) => pascalCase(endpointBaseName(id)));
  const models = uniqueNames(
    families.flatMap((f) => f.members.map((m) => m.schema.endpointId)),
    (id) => `${camelCase(endpointBaseName(id))}Model`,
  );
  const base = (id: string): string => bases.get(id) ?? 'Endpoint';
  const rootTypes = representatives.flatMap((id) => [`${base(id)}Input`, `${base(id)}Output`]);
  const variantNames = uniqueNames(components.variants, (variant) => typeNameFor(variant.component), rootTypes);
  return families.map((family, index) => {
    const { schema } = family.representative;
    const [inputType, outputType] = [`${base(schema.endpointId)}Input`, `${base(schema.endpointId)}Output`];
    const helpers = [...(components.byFamily[index] ?? [])].map(
      ([component, variant]) => [component, variantNames.get(variant) ?? component] as const,
    );
    const types = new Map([[schema.inputName, inputType], [schema.outputName, outputType], ...helpers]);
    const constant = camelCase(base(schema.endpointId));
    return {
      module: modules.get(schema.endpointId) ?? moduleSlug(schema.endpointId),
      types,
      inputType,
      outputType,
      inputSchema: `${constant}InputSchema`,
      mappers: `${constant}Mappers`,
      outputSpec: `${constant}OutputSpec`,
      models: new Map(family.members.map((m) => [m.schema.endpointId, models.get(m.schema.endpointId) ?? 'model'])),
      dangling: schemaClosure([schema.inputName, schema.outputName], schema.components).dangling,
    };
  });
}
