import type { ModelFamily } from '../analysis/family-grouping';
import { sha256Hex, type FalEndpointSchema } from '../schema/fal-openapi-document';
import { isJsonObject } from '../schema/json-schema';
import { schemaClosure } from '../schema/schema-closure';
import { declarationSchema } from './typescript-types';
import { ZodSourceEmitter } from './zod-source';

/**
 * One way a fal schema component (`File`, `ImageSize`…) is written out. Families whose
 * component would be emitted as the same code, its type declaration and its zod schema
 * alike, share one variant: fal repeats its common components in every endpoint's document.
 */
export interface ComponentVariant {
  /** sha256 of what the emitted code is made from; equal ids, equal code. */
  readonly id: string;
  /** fal's component name. */
  readonly component: string;
  /** The representative document of its first family (any of its families' would give the same code). */
  readonly schema: FalEndpointSchema;
  /** Indices of the families whose schemas reach it, ascending. */
  readonly families: readonly number[];
  /** Whether one of those families' input reaches it, so it needs a zod schema. */
  readonly validated: boolean;
  /** What its zod schema cannot enforce, reported for each family whose input reaches it (set when it can be shared). */
  readonly warnings: readonly string[];
}

/** The variants of every component the families reach. */
export interface ComponentVariants {
  /** Sorted by component name, then by how many families use each variant (most first), then by first family. */
  readonly variants: readonly ComponentVariant[];
  /** Per family (same index): each component its input and output reach, besides themselves → its variant, in dependency order. */
  readonly byFamily: readonly ReadonlyMap<string, ComponentVariant>[];
}

/** Whether a variant is emitted once, in the shared components module, rather than in the module of its only family. */
export function isShared(variant: ComponentVariant): boolean {
  return variant.families.length > 1;
}

/**
 * A declaration schema with its keywords sorted: fal's documents write the same component's
 * keywords in different orders. Field order is kept, as it is the order of the emitted fields.
 */
function normalised(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalised);
  if (!isJsonObject(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => {
        const child = value[key];
        const fields = key === 'properties' && isJsonObject(child);
        return [key, fields ? Object.entries(child).map(([name, field]) => [name, normalised(field)]) : normalised(child)];
      }),
  );
}

interface VariantBuilder {
  readonly id: string;
  readonly component: string;
  readonly schema: FalEndpointSchema;
  readonly families: number[];
  validated: boolean;
  readonly warnings: readonly string[];
}

/**
 * Finds which families can share each component. A variant's identity is what its code is
 * made from: the declaration schema json-schema-to-typescript compiles, normalised (keywords
 * sorted; what never reaches the code, such as examples and titles, is already gone;
 * descriptions stay, because they become doc comments), and the zod expression, both with
 * references written as the identities of the referenced variants. So a component is shared
 * only when its code and everything it refers to would be identical; one that differs in
 * anything, a description included, is a separate variant. The family's own input and
 * output, and components in a reference cycle, get an identity of their family alone: they
 * are never shared, and neither is a component that refers to them.
 */
export function findComponentVariants(families: readonly ModelFamily[]): ComponentVariants {
  const variants = new Map<string, VariantBuilder>();
  const byFamily = families.map((family, index) => {
    const { schema } = family.representative;
    const { components, inputName, outputName } = schema;
    const closure = schemaClosure([inputName, outputName], components);
    const validated = new Set(schemaClosure([inputName], components).ordered);
    const unshareable = (component: string): boolean =>
      component === inputName || component === outputName || closure.recursive.has(component);
    const ids = new Map(
      closure.ordered.filter(unshareable).map((component) => [component, sha256Hex(JSON.stringify(['family', index, component]))]),
    );
    // Stand-in names for the references: each referenced component's identity.
    const identity = (component: string): string | undefined => ids.get(component);
    const used = new Map<string, VariantBuilder>();
    for (const component of closure.ordered) {
      if (component === inputName || component === outputName) continue;
      let id = ids.get(component);
      let warnings: readonly string[] = [];
      if (id === undefined) {
        const declaration = declarationSchema(component, components, identity);
        // Every reference is external here (the closure is done up to this component), so no constant is named.
        const zod = ZodSourceEmitter.forComponent(component, components, { constantName: (name) => name, external: identity });
        id = sha256Hex(JSON.stringify([component, normalised(declaration), zod.root]));
        ids.set(component, id);
        warnings = zod.warnings;
      }
      const variant = variants.get(id) ?? { id, component, schema, families: [], validated: false, warnings };
      variants.set(id, variant);
      variant.families.push(index);
      variant.validated ||= validated.has(component);
      used.set(component, variant);
    }
    return used;
  });
  const rank = (a: VariantBuilder, b: VariantBuilder): number =>
    (a.component < b.component ? -1 : a.component > b.component ? 1 : 0) ||
    b.families.length - a.families.length ||
    (a.families[0] ?? 0) - (b.families[0] ?? 0);
  return { variants: [...variants.values()].sort(rank), byFamily };
}
