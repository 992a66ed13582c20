import { createHash } from 'node:crypto';
import { componentName, isJsonObject, type JsonSchema, type SchemaComponents } from './json-schema';

/** Where a schema document was read from, for messages. */
export type SchemaOrigin = { readonly kind: 'file'; readonly path: string } | { readonly kind: 'url'; readonly url: string };

/** One fal endpoint's OpenAPI document, reduced to what code generation needs. */
export interface FalEndpointSchema {
  /** Full endpoint id, e.g. `fal-ai/veo3.1/fast`. */
  readonly endpointId: string;
  /** fal's category (`text-to-video`, `image-to-video`, `text-to-image`…), when declared. */
  readonly category: string | undefined;
  /** Component name of the request body schema (e.g. `Veo31Input`). */
  readonly inputName: string;
  /** Component name of the result schema (e.g. `Veo31Output`). */
  readonly outputName: string;
  /** Every named schema of the document (the input and output included). */
  readonly components: SchemaComponents;
  /** sha256 (hex) of the document's bytes, as read. */
  readonly sha256: string;
}

/** A document that is not a fal queue OpenAPI document, with the reason. */
export class SchemaDocumentError extends Error {
  override readonly name = 'SchemaDocumentError';
}

/** sha256 (hex) of a text, as UTF-8. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function jsonBodySchema(container: unknown): unknown {
  if (!isJsonObject(container) || !isJsonObject(container['content'])) return undefined;
  const json = container['content']['application/json'];
  return isJsonObject(json) ? json['schema'] : undefined;
}

function operation(paths: Record<string, unknown>, path: string, method: string): Record<string, unknown> | undefined {
  const item = paths[path];
  const op = isJsonObject(item) ? item[method] : undefined;
  return isJsonObject(op) ? op : undefined;
}

/**
 * Names the schema of a body: the referenced component, or a new component for an inline
 * schema (some documents may inline it).
 */
function bodySchemaName(schema: unknown, fallbackName: string, components: Map<string, JsonSchema>, what: string, id: string): string {
  if (!isJsonObject(schema)) throw new SchemaDocumentError(`${id}: the OpenAPI document declares no JSON ${what} schema`);
  if (typeof schema['$ref'] === 'string') {
    const name = componentName(schema['$ref']);
    if (name === undefined || !components.has(name)) {
      throw new SchemaDocumentError(`${id}: the ${what} schema ${schema['$ref']} is not in components.schemas`);
    }
    return name;
  }
  components.set(fallbackName, schema as JsonSchema);
  return fallbackName;
}

/**
 * Reads a fal queue OpenAPI document (`openapi.json?endpoint_id=<id>`): the endpoint id from
 * `info.x-fal-metadata` (or `expectedId`), the input schema from `POST /<id>` and the output
 * schema from `GET /<id>/requests/{request_id}`. Throws {@link SchemaDocumentError} naming
 * what is missing.
 */
export function parseFalOpenApiDocument(text: string, origin: SchemaOrigin, expectedId?: string): FalEndpointSchema {
  const where = origin.kind === 'file' ? origin.path : origin.url;
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new SchemaDocumentError(`${where}: not JSON (${(error as Error).message})`);
  }
  if (!isJsonObject(document) || !isJsonObject(document['paths'])) {
    throw new SchemaDocumentError(`${where}: not an OpenAPI document (no "paths")`);
  }
  const info = isJsonObject(document['info']) ? document['info'] : {};
  const metadata = isJsonObject(info['x-fal-metadata']) ? info['x-fal-metadata'] : {};
  const declaredId = typeof metadata['endpointId'] === 'string' ? metadata['endpointId'] : undefined;
  const endpointId = declaredId ?? expectedId;
  if (endpointId === undefined) {
    throw new SchemaDocumentError(`${where}: no endpoint id (info.x-fal-metadata.endpointId is missing)`);
  }
  if (expectedId !== undefined && declaredId !== undefined && declaredId !== expectedId) {
    throw new SchemaDocumentError(`${where}: describes ${declaredId}, not ${expectedId}`);
  }
  const componentsObject = isJsonObject(document['components']) ? document['components'] : {};
  const schemas = isJsonObject(componentsObject['schemas']) ? componentsObject['schemas'] : {};
  const components = new Map<string, JsonSchema>(
    Object.entries(schemas).filter((entry): entry is [string, JsonSchema] => isJsonObject(entry[1])),
  );
  const paths = document['paths'];
  const submit = operation(paths, `/${endpointId}`, 'post');
  if (!submit) throw new SchemaDocumentError(`${where}: no "POST /${endpointId}" operation`);
  const result = operation(paths, `/${endpointId}/requests/{request_id}`, 'get');
  if (!result) throw new SchemaDocumentError(`${where}: no "GET /${endpointId}/requests/{request_id}" operation`);
  const responses = isJsonObject(result['responses']) ? result['responses'] : {};
  const inputName = bodySchemaName(jsonBodySchema(submit['requestBody']), 'EndpointInput', components, 'input', endpointId);
  const outputName = bodySchemaName(jsonBodySchema(responses['200']), 'EndpointOutput', components, 'output', endpointId);
  const category = typeof metadata['category'] === 'string' ? metadata['category'] : undefined;
  return { endpointId, category, inputName, outputName, components, sha256: sha256Hex(text) };
}

/** File name of an endpoint's stored schema: the id with `/` replaced by `__`, plus `.json`. */
export function schemaFileName(endpointId: string): string {
  return `${endpointId.replaceAll('/', '__')}.json`;
}
