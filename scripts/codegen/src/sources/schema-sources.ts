import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFalOpenApiDocument, schemaFileName, type FalEndpointSchema } from '../schema/fal-openapi-document';

/** fal's public per-endpoint OpenAPI URL (without the `endpoint_id` query). */
export const FAL_OPENAPI_BASE_URL = 'https://fal.ai/api/openapi/queue/openapi.json';

/**
 * The stored fal schemas: `$TARASH_CONTRACTS_DIR/fal/openapi`, else
 * `<repo root>/../shared/contracts/fal/openapi`.
 */
export function defaultSchemaDir(repoRoot: string, env: Readonly<Record<string, string | undefined>>): string {
  return join(env['TARASH_CONTRACTS_DIR'] ?? join(repoRoot, '..', 'shared', 'contracts'), 'fal', 'openapi');
}

/** Reads one stored schema file (`--schema`), checking the id when one is expected. */
export async function readSchemaFile(path: string, expectedId?: string): Promise<FalEndpointSchema> {
  return parseFalOpenApiDocument(await readFile(path, 'utf8'), { kind: 'file', path }, expectedId);
}

/** The stored schema of an endpoint in a schema directory, or `undefined` when the directory has none. */
export async function readStoredSchema(dir: string, endpointId: string): Promise<FalEndpointSchema | undefined> {
  const path = join(dir, schemaFileName(endpointId));
  return existsSync(path) ? readSchemaFile(path, endpointId) : undefined;
}

/** Every schema in a directory (`*.json`), by endpoint id. */
export async function readSchemaDir(dir: string): Promise<FalEndpointSchema[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(names.map((name) => readSchemaFile(join(dir, name))));
}

/** A schema download that failed, with the URL and the reason. */
export class SchemaFetchError extends Error {
  override readonly name = 'SchemaFetchError';
}

/** The URL of an endpoint's schema under a base URL (`?endpoint_id=<id>`). */
export function schemaUrl(baseUrl: string, endpointId: string): string {
  const url = new URL(baseUrl);
  url.searchParams.set('endpoint_id', endpointId);
  return url.toString();
}

/** Downloads an endpoint's OpenAPI document (unauthenticated, like fal's own docs). */
export async function fetchSchema(endpointId: string, baseUrl: string, fetchImpl: typeof fetch): Promise<FalEndpointSchema> {
  const url = schemaUrl(baseUrl, endpointId);
  let response: Response;
  try {
    response = await fetchImpl(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    // undici reports the network reason (DNS, refused…) as the cause of "fetch failed".
    const cause = (error as Error).cause;
    const reason = cause instanceof Error ? `${(error as Error).message}: ${cause.message}` : (error as Error).message;
    throw new SchemaFetchError(`fetching ${url} failed: ${reason}`);
  }
  const text = await response.text();
  if (!response.ok) throw new SchemaFetchError(`fetching ${url} failed: HTTP ${response.status} ${text.slice(0, 200)}`);
  return parseFalOpenApiDocument(text, { kind: 'url', url }, endpointId);
}
