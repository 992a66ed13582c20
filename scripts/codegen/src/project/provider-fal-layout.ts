import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the generator writes inside @tarash/provider-fal. */
export interface ProviderFalLayout {
  /** `src/models/generated/`: one module and one test per family, nothing hand-written. */
  readonly generatedDir: string;
  /** `src/models/registry.ts` (`falModels`). */
  readonly registryFile: string;
  /** `src/models/fal-endpoint-params.ts` (`FalEndpointParams`). */
  readonly endpointParamsFile: string;
}

/** The repository root (this file is `scripts/codegen/src/project/…`). */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** The layout of a provider-fal package directory. */
export function providerFalLayout(packageDir: string): ProviderFalLayout {
  const models = join(packageDir, 'src', 'models');
  return {
    generatedDir: join(models, 'generated'),
    registryFile: join(models, 'registry.ts'),
    endpointParamsFile: join(models, 'fal-endpoint-params.ts'),
  };
}
