import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodegenEnvironment } from '../commands/run-codegen';
import { schemaFileName } from '../schema/fal-openapi-document';
import { falDocumentText, type FalDocumentSpec } from './fal-document';

/** The registry and endpoint-params files as a fresh provider-fal has them. */
const EMPTY_REGISTRY = `import type { FalModelDefinition } from './fal-model-definition';

/** Generated fal endpoint definitions, by exact endpoint id. */
export const falModels: Readonly<Record<string, FalModelDefinition>> = {};
`;
const EMPTY_PARAMS = `/** Typed extraParams per fal endpoint id. */
export interface FalEndpointParams {}
`;

/** A throwaway repository: a provider-fal package skeleton and a schema directory. */
export interface TempWorkspace {
  readonly root: string;
  readonly packageDir: string;
  readonly schemaDir: string;
  readonly generatedDir: string;
  readonly lines: string[];
  /** An environment for `runCodegen` that logs into `lines`. */
  environment(overrides?: Partial<CodegenEnvironment>): CodegenEnvironment;
  /** Stores a schema document in the schema directory under fal's file naming. */
  storeSchema(spec: FalDocumentSpec): Promise<void>;
  remove(): Promise<void>;
}

/** Creates a {@link TempWorkspace} under the OS temp directory. */
export async function createTempWorkspace(): Promise<TempWorkspace> {
  const root = await mkdtemp(join(tmpdir(), 'tarash-codegen-'));
  const packageDir = join(root, 'packages', 'provider-fal');
  const models = join(packageDir, 'src', 'models');
  const schemaDir = join(root, 'schemas');
  await mkdir(models, { recursive: true });
  await mkdir(schemaDir);
  await writeFile(join(models, 'registry.ts'), EMPTY_REGISTRY);
  await writeFile(join(models, 'fal-endpoint-params.ts'), EMPTY_PARAMS);
  const lines: string[] = [];
  return {
    root,
    packageDir,
    schemaDir,
    generatedDir: join(models, 'generated'),
    lines,
    environment: (overrides = {}) => ({
      repoRoot: root,
      packageDir,
      cwd: root,
      env: {},
      fetch: () => Promise.reject(new Error('no network in tests')),
      log: (line) => lines.push(line),
      ...overrides,
    }),
    storeSchema: (spec) => writeFile(join(schemaDir, schemaFileName(spec.endpointId)), falDocumentText(spec)),
    remove: () => rm(root, { recursive: true, force: true }),
  };
}
