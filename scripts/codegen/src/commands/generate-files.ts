import { join } from 'node:path';
import { analyzeEndpoint, UnsupportedEndpointError, type EndpointAnalysis } from '../analysis/endpoint-analysis';
import { groupFamilies } from '../analysis/family-grouping';
import { findComponentVariants } from '../emit/component-variants';
import { nameFamilies } from '../emit/family-names';
import { formatTypeScript } from '../emit/format-source';
import { emitModelModule } from '../emit/model-module-source';
import { emitModelTest } from '../emit/model-test-source';
import { emitSharedComponents, SHARED_COMPONENTS_MODULE } from '../emit/shared-components-source';
import type { ProviderFalLayout } from '../project/provider-fal-layout';
import { syncEndpointParams, syncRegistry, type RegistryEntry } from '../project/registry-sync';
import type { FalEndpointSchema } from '../schema/fal-openapi-document';

/** Everything one generation run produces, in memory. */
export interface GeneratedFiles {
  /** Absolute path → formatted content: modules, tests, the shared components module, registry.ts and fal-endpoint-params.ts. */
  readonly files: ReadonlyMap<string, string>;
  readonly endpointCount: number;
  readonly moduleCount: number;
  /** Endpoint id (or ids of a family) → what the generator noticed. */
  readonly notes: ReadonlyMap<string, readonly string[]>;
}

/** Endpoints that could not be generated, each with its reason. */
export class GenerationError extends Error {
  override readonly name = 'GenerationError';
}

function analyzeAll(schemas: readonly FalEndpointSchema[]): EndpointAnalysis[] {
  const failures: string[] = [];
  const analyses = schemas.flatMap((schema) => {
    try {
      return [analyzeEndpoint(schema)];
    } catch (error) {
      if (!(error instanceof UnsupportedEndpointError)) throw error;
      failures.push(error.message);
      return [];
    }
  });
  if (failures.length > 0) throw new GenerationError(`cannot generate:\n  ${failures.join('\n  ')}`);
  return analyses;
}

/**
 * Generates the complete set of files for `schemas` (the endpoints to have, not a delta):
 * analyses each endpoint, groups families, finds the components several modules share,
 * emits and formats every module and test and the shared components module, and edits the
 * registry and the endpoint-params interface from their current text.
 */
export async function generateFiles(
  schemas: readonly FalEndpointSchema[],
  layout: ProviderFalLayout,
  current: { readonly registry: string; readonly endpointParams: string },
): Promise<GeneratedFiles> {
  const families = groupFamilies(analyzeAll(schemas));
  const components = findComponentVariants(families);
  const names = nameFamilies(families, components);
  const files = new Map<string, string>();
  const notes = new Map<string, readonly string[]>();
  const entries: RegistryEntry[] = [];
  await Promise.all(
    families.map(async (family, index) => {
      const familyNames = names[index];
      if (!familyNames) return;
      const emitted = await emitModelModule(family, familyNames, components.byFamily[index] ?? new Map());
      const modulePath = join(layout.generatedDir, `${familyNames.module}.ts`);
      files.set(modulePath, await formatTypeScript(emitted.source));
      files.set(join(layout.generatedDir, `${familyNames.module}.test.ts`), await formatTypeScript(emitModelTest(family, familyNames)));
      const familyNotes = [...family.representative.notes, ...emitted.warnings];
      if (familyNotes.length > 0) notes.set(family.members.map((m) => m.schema.endpointId).join(', '), familyNotes);
      for (const member of family.members) {
        const id = member.schema.endpointId;
        entries.push({
          endpointId: id,
          module: familyNames.module,
          model: familyNames.models.get(id) ?? '',
          inputType: familyNames.inputType,
        });
      }
    }),
  );
  const sharedComponents = await emitSharedComponents(families, names, components);
  if (sharedComponents !== undefined)
    files.set(join(layout.generatedDir, `${SHARED_COMPONENTS_MODULE}.ts`), await formatTypeScript(sharedComponents));
  files.set(layout.registryFile, await formatTypeScript(syncRegistry(current.registry, entries)));
  files.set(layout.endpointParamsFile, await formatTypeScript(syncEndpointParams(current.endpointParams, entries)));
  return { files, endpointCount: schemas.length, moduleCount: families.length, notes };
}
