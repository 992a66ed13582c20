import type { ModelFamily } from '../analysis/family-grouping';
import { generatedBanner } from './banner';
import { isShared, type ComponentVariants } from './component-variants';
import type { FamilyNames } from './family-names';
import { schemaConstantName } from './identifiers';
import { emitTypeDeclarations } from './typescript-types';
import { ZodSourceEmitter } from './zod-source';

/** The file stem of the generated module that holds the components several modules share. */
export const SHARED_COMPONENTS_MODULE = 'fal-shared-components';

/** The expression that gets a shared component's zod schema (built on first use). */
export function sharedSchemaCall(typeName: string): string {
  return `${schemaConstantName(typeName)}()`;
}

/**
 * Writes the shared components module: the type of every variant two or more families use,
 * and, for those an input reaches, its zod schema, built on first use (`lazySchema`) so that
 * importing the module builds nothing. Its banner lists the documents of every endpoint that
 * uses one of them. Undefined when no variant is shared.
 */
export async function emitSharedComponents(
  families: readonly ModelFamily[],
  names: readonly FamilyNames[],
  components: ComponentVariants,
): Promise<string | undefined> {
  const shared = components.variants.filter(isShared);
  if (shared.length === 0) return undefined;
  // Any family of a variant names it and what it refers to the same way: its first one does.
  const namesOf = (family: number | undefined): ReadonlyMap<string, string> => names[family ?? 0]?.types ?? new Map();
  const types = await Promise.all(
    shared.map((variant) => emitTypeDeclarations([variant.component], namesOf(variant.families[0]), variant.schema.components)),
  );
  const schemas = shared
    .filter((variant) => variant.validated)
    .map((variant) => {
      const typeNames = namesOf(variant.families[0]);
      const typeName = (component: string): string => typeNames.get(component) ?? component;
      const zod = ZodSourceEmitter.forComponent(variant.component, variant.schema.components, {
        constantName: (component) => schemaConstantName(typeName(component)),
        external: (component) => (component === variant.component ? undefined : sharedSchemaCall(typeName(component))),
      });
      const type = typeName(variant.component);
      return [
        `/** Validates {@link ${type}}; built on first use. */`,
        `export const ${schemaConstantName(type)} = lazySchema((): z.ZodMiniType<${type}, ${type}> => ${zod.root});`,
        '',
      ].join('\n');
    });
  const users = new Set(shared.flatMap((variant) => variant.families));
  const sources = families
    .filter((_, index) => users.has(index))
    .flatMap((family) => family.members.map((member) => member.schema))
    .sort((a, b) => (a.endpointId < b.endpointId ? -1 : 1));
  return [
    generatedBanner(sources, "fal's schema components that several generated modules share"),
    ...(schemas.length > 0 ? [`import * as z from 'zod/mini';`, `import { lazySchema } from '../lazy-schema';`, ''] : []),
    ...types,
    ...schemas,
  ].join('\n');
}
