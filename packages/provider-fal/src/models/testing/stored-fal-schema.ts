import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';

/** The shared contracts directory: `$TARASH_CONTRACTS_DIR`, else `<repo root>/../shared/contracts`. */
export function contractsDir(): string {
  const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));
  return process.env['TARASH_CONTRACTS_DIR'] ?? join(repoRoot, '..', 'shared', 'contracts');
}

/** Where fal's stored OpenAPI document of an endpoint lives (the id with `/` → `__`). */
export function storedSchemaPath(endpointId: string): string {
  return join(contractsDir(), 'fal', 'openapi', `${endpointId.replaceAll('/', '__')}.json`);
}

/** Why the stored-schema check cannot run, or `undefined` when it can. */
export function storedSchemaUnavailable(endpointId: string): string | undefined {
  if (!existsSync(contractsDir())) return `contracts directory ${contractsDir()} not found (set TARASH_CONTRACTS_DIR)`;
  if (!existsSync(storedSchemaPath(endpointId))) return `no stored schema for ${endpointId} in ${contractsDir()}`;
  return undefined;
}

interface QueueDocument {
  readonly paths: Record<string, { post?: { requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> } } }>;
}

/**
 * Compiles the input schema of an endpoint's stored fal OpenAPI document with ajv (the
 * schema fal publishes, independent of the generated zod schema).
 */
export function compileStoredInputSchema(endpointId: string): ValidateFunction {
  const document = JSON.parse(readFileSync(storedSchemaPath(endpointId), 'utf8')) as QueueDocument;
  const ref = document.paths[`/${endpointId}`]?.post?.requestBody?.content?.['application/json']?.schema?.$ref;
  if (!ref) throw new Error(`${storedSchemaPath(endpointId)} declares no input schema for POST /${endpointId}`);
  // fal's documents are OpenAPI 3.0 with extension keywords; only their schemas are compiled.
  const ajv = new Ajv({ strict: false, validateSchema: false, validateFormats: false, allErrors: true });
  ajv.addSchema(document, 'fal');
  return ajv.compile({ $ref: `fal${ref}` });
}
