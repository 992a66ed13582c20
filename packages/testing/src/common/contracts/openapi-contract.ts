import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { MultipartBody } from '../multipart';
import type { ParsedBody } from '../request-body';
import type { ContractIssue } from './contract-issue';
import { bundleSchema, resolvePointer, type SchemaDialect } from './schema-bundle';
import { SchemaValidator } from './schema-validator';

/** An operation of an OpenAPI document found for a request. */
export interface ContractOperation {
  readonly method: string;
  /** The document's path template, e.g. `/v1/videos/{video_id}`. */
  readonly pathTemplate: string;
  /** The operation object as written in the document. */
  readonly operation: Readonly<Record<string, unknown>>;
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function templateToRegExp(template: string): RegExp {
  const pattern = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${pattern}$`);
}

/** Multipart fields as a plain object for schema validation; files stand in as their names. */
function multipartAsObject(body: MultipartBody): Record<string, unknown> {
  const result: Record<string, unknown> = { ...body.fields };
  for (const [name, value] of Object.entries(body.files)) {
    result[name] = Array.isArray(value) ? value.map((file: { fileName: string }) => file.fileName) : (value as { fileName: string }).fileName;
  }
  return result;
}

const cache = new Map<string, OpenApiContract>();

/**
 * An OpenAPI 3.0 or 3.1 document read from a file the caller names, with cached request-body
 * validators per operation. Loading and compiling happen once per file and operation, so a
 * fake server can validate thousands of submits cheaply.
 */
export class OpenApiContract {
  readonly filePath: string;
  readonly dialect: SchemaDialect;
  readonly document: Readonly<Record<string, unknown>>;
  readonly #validators = new Map<string, SchemaValidator | undefined>();
  readonly #danglingRefs = new Set<string>();

  private constructor(filePath: string, document: Record<string, unknown>) {
    this.filePath = filePath;
    this.document = document;
    const version = typeof document.openapi === 'string' ? document.openapi : '';
    if (!/^3\.[01]\./.test(version)) {
      throw new Error(`${filePath} is not an OpenAPI 3.0/3.1 document: its "openapi" field is ${JSON.stringify(document.openapi)}.`);
    }
    this.dialect = version.startsWith('3.1') ? 'openapi-3.1' : 'openapi-3.0';
  }

  /**
   * Loads (once per resolved path) the document at `filePath`.
   *
   * @throws Error naming the file when it is missing, not JSON, or not OpenAPI 3.0/3.1.
   */
  static load(filePath: string): OpenApiContract {
    const absolute = resolve(filePath);
    const cached = cache.get(absolute);
    if (cached) return cached;
    let text: string;
    try {
      text = readFileSync(absolute, 'utf8');
    } catch (error) {
      throw new Error(`Cannot read the OpenAPI document ${absolute}: ${(error as Error).message}`);
    }
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (error) {
      throw new Error(`The OpenAPI document ${absolute} is not valid JSON: ${(error as Error).message}`);
    }
    if (!isObject(document)) throw new Error(`The OpenAPI document ${absolute} is not a JSON object.`);
    const contract = new OpenApiContract(absolute, document);
    cache.set(absolute, contract);
    return contract;
  }

  /** `$ref`s met while compiling that point nowhere (they were accepted as anything). */
  get danglingRefs(): readonly string[] {
    return [...this.#danglingRefs];
  }

  /**
   * Finds the operation for `method` and `path`: an exact path template first, then a concrete
   * path matched against the templates (`/v1/videos/abc` → `/v1/videos/{video_id}`).
   */
  findOperation(method: string, path: string): ContractOperation | undefined {
    const lower = method.toLowerCase();
    if (!HTTP_METHODS.has(lower)) return undefined;
    const paths = isObject(this.document.paths) ? this.document.paths : {};
    const exact = paths[path];
    const candidates = isObject(exact) ? [[path, exact] as const] : Object.entries(paths).filter(([template]) => templateToRegExp(template).test(path));
    for (const [template, item] of candidates) {
      if (isObject(item) && isObject(item[lower])) return { method: lower, pathTemplate: template, operation: item[lower] };
    }
    return undefined;
  }

  /** Follows `$ref`s (local ones) until a non-reference node. */
  deref(node: unknown): unknown {
    let current = node;
    for (let depth = 0; depth < 32 && isObject(current) && typeof current.$ref === 'string'; depth++) {
      current = resolvePointer(this.document, current.$ref);
    }
    return current;
  }

  /** The media types the operation's request body declares (e.g. `application/json`). */
  requestMediaTypes(operation: ContractOperation): string[] {
    const body = this.deref(operation.operation.requestBody);
    return isObject(body) && isObject(body.content) ? Object.keys(body.content) : [];
  }

  /** The request-body schema (unresolved) for a media type, if the operation declares one. */
  requestBodySchema(operation: ContractOperation, mediaType: string): unknown {
    const body = this.deref(operation.operation.requestBody);
    if (!isObject(body) || !isObject(body.content)) return undefined;
    const key = Object.keys(body.content).find((candidate) => candidate.split(';')[0]?.trim().toLowerCase() === mediaType);
    const media = key === undefined ? undefined : body.content[key];
    return isObject(media) ? media.schema : undefined;
  }

  /** The response schema (unresolved) for a status and media type (default `200`, JSON). */
  responseSchema(operation: ContractOperation, status: string = '200', mediaType: string = 'application/json'): unknown {
    const responses = isObject(operation.operation.responses) ? operation.operation.responses : {};
    const response = this.deref(responses[status] ?? responses.default);
    if (!isObject(response) || !isObject(response.content)) return undefined;
    const media = response.content[mediaType];
    return isObject(media) ? media.schema : undefined;
  }

  /**
   * Validates a request body against the operation's schema for its media type: JSON bodies
   * against `application/json`, multipart bodies against `multipart/form-data` (fields are
   * coerced from strings; files stand in as their names). An operation without a body schema
   * accepts anything. A body of a media type the operation does not declare is one issue.
   */
  validateRequestBody(operation: ContractOperation, body: ParsedBody): ContractIssue[] {
    const declared = this.requestMediaTypes(operation);
    if (declared.length === 0) return [];
    const mediaType = body.kind === 'multipart' ? 'multipart/form-data' : 'application/json';
    const validator = this.#validator(operation, mediaType);
    if (!validator) {
      return [
        {
          path: [],
          message: `(body) must be sent as ${declared.join(' or ')}; got ${body.kind === 'empty' ? 'no body' : mediaType}`,
          keyword: 'contentType',
          params: { allowed: declared },
          value: undefined,
        },
      ];
    }
    switch (body.kind) {
      case 'multipart':
        return validator.validate(multipartAsObject(body.value));
      case 'json':
        return validator.validate(body.value);
      case 'empty':
        return validator.validate({});
      default:
        return [{ path: [], message: '(body) must be valid JSON', keyword: 'json', params: {}, value: undefined }];
    }
  }

  #validator(operation: ContractOperation, mediaType: string): SchemaValidator | undefined {
    const key = `${operation.method} ${operation.pathTemplate} ${mediaType}`;
    if (this.#validators.has(key)) return this.#validators.get(key);
    const schema = this.requestBodySchema(operation, mediaType);
    let validator: SchemaValidator | undefined;
    if (schema !== undefined) {
      const bundle = bundleSchema(this.document, schema, this.dialect);
      for (const ref of bundle.danglingRefs) this.#danglingRefs.add(ref);
      validator = new SchemaValidator(bundle, this.dialect, mediaType === 'multipart/form-data');
    }
    this.#validators.set(key, validator);
    return validator;
  }
}
