import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';

/** Where fal's stored OpenAPI document of an endpoint lives in the contracts folder (the id with `/` → `__`). */
export function storedSchemaFile(endpointId: string): string {
  return join('fal', 'openapi', `${endpointId.replaceAll('/', '__')}.json`);
}

interface QueueDocument {
  readonly paths: Record<string, { post?: { requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> } } }>;
}

/**
 * Compiles the input schema of an endpoint's stored fal OpenAPI document in `contractsDir` with
 * ajv (the schema fal publishes, independent of the generated zod schema).
 */
export function compileStoredInputSchema(contractsDir: string, endpointId: string): ValidateFunction {
  const path = join(contractsDir, storedSchemaFile(endpointId));
  const document = JSON.parse(readFileSync(path, 'utf8')) as QueueDocument;
  const ref = document.paths[`/${endpointId}`]?.post?.requestBody?.content?.['application/json']?.schema?.$ref;
  if (!ref) throw new Error(`${path} declares no input schema for POST /${endpointId}`);
  // fal's documents are OpenAPI 3.0 with extension keywords; only their schemas are compiled.
  const ajv = new Ajv({ strict: false, validateSchema: false, validateFormats: false, allErrors: true });
  ajv.addSchema(document, 'fal');
  return ajv.compile({ $ref: `fal${ref}` });
}
