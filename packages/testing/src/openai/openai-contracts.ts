import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ContractIssue } from '../common/contracts/contract-issue';
import { OpenApiContract, type ContractOperation } from '../common/contracts/openapi-contract';
import { bundleSchema } from '../common/contracts/schema-bundle';
import { SchemaValidator } from '../common/contracts/schema-validator';
import type { MultipartBody, MultipartFile } from '../common/multipart';
import type { ParsedBody } from '../common/request-body';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keywords whose values are data, not schemas. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'example', 'examples']);

/**
 * OpenAI's document says `openapi: 3.1.0` but keeps OpenAPI 3.0's `nullable: true`, sometimes
 * beside `anyOf` without a `type` (which ajv refuses to compile). Rewrites it the 3.1 way:
 * `type: [t, "null"]`, or `anyOf: [schema, {type: "null"}]`.
 */
function withoutNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutNullable);
  if (!isObject(node)) return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) copy[key] = DATA_KEYWORDS.has(key) ? value : withoutNullable(value);
  if (!('nullable' in copy)) return copy;
  const { nullable, ...rest } = copy;
  if (nullable !== true) return rest;
  if (typeof rest.type === 'string') {
    return { ...rest, type: [rest.type, 'null'], ...(Array.isArray(rest.enum) ? { enum: [...rest.enum, null] } : {}) };
  }
  return { anyOf: [rest, { type: 'null' }] };
}

/**
 * Clients send a multipart array as repeated `name[]` parts (openai-node, openai-python); the
 * schema calls the field `name`. Folds `image[]` into `image`; files stand in as their names,
 * as the toolkit's multipart validation does.
 */
function multipartAsObject(body: MultipartBody): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(body.fields)) {
    result[name.endsWith('[]') ? name.slice(0, -2) : name] = name.endsWith('[]') && !Array.isArray(value) ? [value] : value;
  }
  for (const [name, value] of Object.entries(body.files)) {
    const names = (Array.isArray(value) ? value : [value as MultipartFile]).map((file: MultipartFile) => file.fileName);
    result[name.endsWith('[]') ? name.slice(0, -2) : name] = name.endsWith('[]') || names.length > 1 ? names : names[0];
  }
  return result;
}

/**
 * The stored OpenAI OpenAPI document (`<contractsDir>/openai/openapi.json`), used to validate
 * request bodies. Its paths have no `/v1` prefix (the server URL carries it), so callers pass
 * the API path: `/videos`, `/images/edits`…
 */
export class OpenAIContracts {
  readonly contract: OpenApiContract;
  readonly #document: unknown;
  readonly #validators = new Map<string, SchemaValidator | undefined>();

  /**
   * @param contractsDir the contracts root (the folder holding `openai/openapi.json`).
   * @throws Error naming the file when it does not exist or is not an OpenAPI document.
   */
  constructor(contractsDir: string) {
    const file = join(contractsDir, 'openai', 'openapi.json');
    if (!existsSync(file)) throw new Error(`contractsDir ${JSON.stringify(contractsDir)} has no openai/openapi.json (looked for ${file}).`);
    this.contract = OpenApiContract.load(file);
    this.#document = withoutNullable(this.contract.document);
  }

  /**
   * Validates a request body against the operation at `apiPath`: JSON against its JSON
   * schema, multipart against its multipart schema (fields coerced from strings). No issues
   * when it fits or when the document has no such operation or body.
   */
  validate(method: string, apiPath: string, body: ParsedBody): ContractIssue[] {
    const operation = this.contract.findOperation(method, apiPath);
    if (!operation) return [];
    const declared = this.contract.requestMediaTypes(operation);
    if (declared.length === 0) return [];
    const mediaType = body.kind === 'multipart' ? 'multipart/form-data' : 'application/json';
    const validator = this.#validator(operation, mediaType);
    if (!validator) {
      return [{ path: [], message: `(body) must be sent as ${declared.join(' or ')}; got ${mediaType}`, keyword: 'contentType', params: { allowed: declared }, value: undefined }];
    }
    if (body.kind === 'multipart') return validator.validate(multipartAsObject(body.value));
    if (body.kind === 'json') return validator.validate(body.value);
    if (body.kind === 'empty') return validator.validate({});
    return [{ path: [], message: '(body) must be valid JSON', keyword: 'json', params: {}, value: undefined }];
  }

  #validator(operation: ContractOperation, mediaType: string): SchemaValidator | undefined {
    const key = `${operation.method} ${operation.pathTemplate} ${mediaType}`;
    if (this.#validators.has(key)) return this.#validators.get(key);
    const schema = this.contract.requestBodySchema(operation, mediaType);
    const validator = schema === undefined ? undefined : new SchemaValidator(bundleSchema(this.#document, schema, this.contract.dialect), this.contract.dialect, mediaType === 'multipart/form-data');
    this.#validators.set(key, validator);
    return validator;
  }
}
