import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { formatIssuePath, type ContractIssue } from './contract-issue';
import { resolvePointer, type SchemaBundle, type SchemaDialect } from './schema-bundle';

type AjvInstance = Ajv | Ajv2020;

const instances = new Map<string, AjvInstance>();

/**
 * One ajv per dialect and coercion mode, shared by every contract: ajv caches compiled
 * schemas per instance, and a fresh instance per schema would cost milliseconds each.
 */
function ajvFor(dialect: SchemaDialect, coerce: boolean): AjvInstance {
  const key = `${dialect}:${coerce}`;
  let ajv = instances.get(key);
  if (!ajv) {
    // Real contracts carry vendor keywords (x-fal-order-properties, discriminator...): not strict.
    const options = { strict: false, allErrors: true, verbose: true, logger: false as const, ...(coerce ? { coerceTypes: 'array' as const } : {}) };
    ajv = dialect === 'openapi-3.1' ? new Ajv2020(options) : new Ajv(options);
    addFormats(ajv);
    instances.set(key, ajv);
  }
  return ajv;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Converts an ajv instance path to segments, using the data to tell array indices from keys. */
function toPath(instancePath: string, data: unknown): (string | number)[] {
  const path: (string | number)[] = [];
  let node = data;
  for (const raw of instancePath.split('/').slice(1)) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      const index = Number(token);
      path.push(index);
      node = node[index];
    } else {
      path.push(token);
      node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[token] : undefined;
    }
  }
  return path;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** The JSON types a branch schema admits (undefined: any), following `$ref` and `allOf: [x]` wrappers. */
function branchTypes(branch: unknown, root: unknown): string[] | undefined {
  let node = branch;
  for (let depth = 0; depth < 16 && typeof node === 'object' && node !== null; depth++) {
    const schema = node as Record<string, unknown>;
    if (typeof schema.type === 'string') return [schema.type];
    if (Array.isArray(schema.type)) return schema.type as string[];
    if (Array.isArray(schema.enum)) return [...new Set(schema.enum.map(jsonType))];
    if (typeof schema.$ref === 'string') node = resolvePointer(root, schema.$ref);
    else if (Array.isArray(schema.allOf) && schema.allOf.length === 1) node = schema.allOf[0];
    else return undefined;
  }
  return undefined;
}

function admits(types: readonly string[] | undefined, value: unknown): boolean {
  if (!types) return true;
  const type = jsonType(value);
  return types.includes(type) || (type === 'integer' && types.includes('number'));
}

function isUnder(instancePath: string, parent: string): boolean {
  return instancePath === parent || instancePath.startsWith(`${parent}/`);
}

/**
 * ajv reports a failed `anyOf` with the errors of every branch, which drowns the real problem
 * (an `image_size` of "huge" fails "must be object", "must be one of ...", "must be null").
 * A branch whose type does not fit the value is irrelevant; when exactly one branch fits, its
 * errors stand for the union, otherwise the union error alone does. Branches reached through
 * `$ref` report schema paths inside the definitions, so a branch is told by its type, not its path.
 */
function collapseUnions(errors: readonly ErrorObject[], root: unknown): ErrorObject[] {
  const removed = new Set<ErrorObject>();
  const unions = errors
    .filter((error) => error.keyword === 'anyOf' || error.keyword === 'oneOf')
    .sort((a, b) => b.instancePath.length - a.instancePath.length || b.schemaPath.length - a.schemaPath.length);
  for (const union of unions) {
    const branches = Array.isArray(union.schema) ? (union.schema as unknown[]) : [];
    const viable = branches.flatMap((branch, index) => (admits(branchTypes(branch, root), union.data) ? [index] : []));
    const related = errors.filter((error) => error !== union && !removed.has(error) && isUnder(error.instancePath, union.instancePath));
    if (viable.length === 1) {
      const viablePrefix = `${union.schemaPath}/${viable[0]}/`;
      for (const error of related) {
        if (error.schemaPath.startsWith(viablePrefix) || error.instancePath !== union.instancePath) continue;
        // At the union's own value: errors of the other branches (inline ones by path, referenced ones by being type errors).
        if (error.schemaPath.startsWith(`${union.schemaPath}/`) || error.keyword === 'type') removed.add(error);
      }
      removed.add(union);
    } else {
      for (const error of related) removed.add(error);
    }
  }
  return errors.filter((error) => !removed.has(error) && error.keyword !== 'if');
}

function unionExpectation(error: ErrorObject, root: unknown): string {
  const branches = Array.isArray(error.schema) ? (error.schema as unknown[]).map((branch) => branchTypes(branch, root)) : [];
  if (branches.length === 0 || branches.some((types) => types === undefined)) return 'does not match any allowed form';
  return `must be ${[...new Set(branches.flatMap((types) => types ?? []))].join(' or ')}`;
}

function issueMessage(error: ErrorObject, where: string, root: unknown): string {
  const params = error.params as Record<string, unknown>;
  const got = `; got ${describeValue(error.data)}`;
  switch (error.keyword) {
    case 'required':
      return `${where} is required`;
    case 'enum':
      return `${where} must be one of ${(params.allowedValues as unknown[]).map(describeValue).join(', ')}${got}`;
    case 'const':
      return `${where} must be ${describeValue(params.allowedValue)}${got}`;
    case 'additionalProperties':
      return `${where} is not an allowed property`;
    case 'anyOf':
    case 'oneOf':
      return `${where} ${unionExpectation(error, root)}${got}`;
    default:
      return `${where} ${error.message ?? 'is invalid'}${got}`;
  }
}

function toIssue(error: ErrorObject, data: unknown, root: unknown): ContractIssue {
  const params = error.params as Record<string, unknown>;
  const path = toPath(error.instancePath, data);
  if (error.keyword === 'required') path.push(String(params.missingProperty));
  if (error.keyword === 'additionalProperties') path.push(String(params.additionalProperty));
  const value = error.keyword === 'required' ? undefined : error.keyword === 'additionalProperties' ? error.data && (error.data as Record<string, unknown>)[String(params.additionalProperty)] : error.data;
  return { path, message: issueMessage({ ...error, data: value }, formatIssuePath(path), root), keyword: error.keyword, params, value };
}

/** A compiled body validator for one operation's request body. */
export class SchemaValidator {
  readonly #validate: ValidateFunction;
  readonly #coerce: boolean;
  readonly #root: unknown;

  /**
   * @param bundle the self-contained schema.
   * @param coerce coerce strings to the schema's types (multipart fields arrive as strings).
   */
  constructor(bundle: SchemaBundle, dialect: SchemaDialect, coerce: boolean) {
    const ajv = ajvFor(dialect, coerce);
    for (const format of bundle.formats) {
      // Provider-specific formats (google-duration, unixtime...) are annotations here.
      if (!ajv.formats[format]) ajv.addFormat(format, true);
    }
    this.#validate = ajv.compile(bundle.schema);
    this.#coerce = coerce;
    this.#root = bundle.schema;
  }

  /** Validates `body` (coercing a copy when built with `coerce`); returns no issues when it fits. */
  validate(body: unknown): ContractIssue[] {
    // Coercion rewrites the data in place; the caller's body must stay as it was sent.
    const data = this.#coerce ? structuredClone(body) : body;
    if (this.#validate(data)) return [];
    return collapseUnions(this.#validate.errors ?? [], this.#root).map((error) => toIssue(error, data, this.#root));
  }
}
