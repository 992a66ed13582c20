/** The JSON Schema dialect an OpenAPI document's schemas are written in. */
export type SchemaDialect = 'openapi-3.0' | 'openapi-3.1';

/** A schema made self-contained: every local `$ref` points into its own definitions. */
export interface SchemaBundle {
  readonly schema: Record<string, unknown>;
  /** `$ref`s that point nowhere (or outside the document); they accept anything. */
  readonly danglingRefs: readonly string[];
  /** Every `format` used, so unknown ones can be registered as no-ops. */
  readonly formats: ReadonlySet<string>;
}

/** Keywords whose values are data, not schemas: never rewritten. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'example', 'examples']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unescapePointerToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Resolves a local JSON pointer (`#/components/schemas/File`) in `document`. */
export function resolvePointer(document: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = document;
  for (const token of ref.slice(1).split('/').slice(1).map((part) => unescapePointerToken(decodeURIComponent(part)))) {
    if (Array.isArray(node)) node = node[Number(token)];
    else if (isObject(node)) node = node[token];
    else return undefined;
  }
  return node;
}

/**
 * OpenAPI 3.0 schemas are not JSON Schema: `nullable: true` widens a type to null, and
 * `exclusiveMinimum`/`exclusiveMaximum` are booleans beside `minimum`/`maximum`. Rewrites one
 * schema node to the draft-07 equivalent (children are handled by the caller's walk).
 */
function normalizeOpenApi30(node: Record<string, unknown>): Record<string, unknown> {
  let result = node;
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof result[flag] === 'boolean') {
      const { [flag]: exclusive, [bound]: limit, ...rest } = result;
      result = exclusive === true && typeof limit === 'number' ? { ...rest, [flag]: limit } : { ...rest, ...(limit !== undefined ? { [bound]: limit } : {}) };
    }
  }
  if (result.nullable === true) {
    const { nullable: _nullable, ...rest } = result;
    if (typeof rest.type === 'string') {
      const withNull: Record<string, unknown> = { ...rest, type: [rest.type, 'null'] };
      if (Array.isArray(rest.enum) && !rest.enum.includes(null)) withNull.enum = [...rest.enum, null];
      return withNull;
    }
    return { anyOf: [rest, { type: 'null' }] };
  }
  if (result.nullable === false) {
    const { nullable: _nullable, ...rest } = result;
    return rest;
  }
  return result;
}

/**
 * Copies `root` (a schema inside an OpenAPI `document`) into a self-contained JSON Schema:
 * local `$ref`s are rewritten to point into the bundle's own definitions (only the reachable
 * ones are copied), OpenAPI 3.0 quirks are normalised, and dangling refs become `{}`.
 */
export function bundleSchema(document: unknown, root: unknown, dialect: SchemaDialect): SchemaBundle {
  const definitionsKey = dialect === 'openapi-3.1' ? '$defs' : 'definitions';
  const definitions: Record<string, unknown> = {};
  const pending: string[] = [];
  const seen = new Set<string>();
  const danglingRefs: string[] = [];
  const formats = new Set<string>();

  const rewriteRef = (ref: string): string => {
    const local = ref.startsWith('#/') ? ref : undefined;
    const key = local ? local.slice(2) : `external/${ref}`;
    if (!seen.has(key)) {
      seen.add(key);
      pending.push(ref);
    }
    return `#/${definitionsKey}/${escapePointerToken(key)}`;
  };

  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!isObject(node)) return node;
    const normalized = dialect === 'openapi-3.0' ? normalizeOpenApi30(node) : node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(normalized)) {
      if (key === '$ref' && typeof value === 'string') out[key] = rewriteRef(value);
      else if (DATA_KEYWORDS.has(key)) out[key] = value;
      else {
        if (key === 'format' && typeof value === 'string') formats.add(value);
        out[key] = walk(value);
      }
    }
    return out;
  };

  const schema = walk(root);
  for (let ref = pending.shift(); ref !== undefined; ref = pending.shift()) {
    const key = ref.startsWith('#/') ? ref.slice(2) : `external/${ref}`;
    const target = ref.startsWith('#/') ? resolvePointer(document, ref) : undefined;
    if (target === undefined) danglingRefs.push(ref);
    definitions[key] = target === undefined ? {} : walk(target);
  }
  // allOf keeps the root's own keywords apart from the definitions, whatever the dialect's $ref rules.
  return { schema: { allOf: [schema], [definitionsKey]: definitions }, danglingRefs, formats };
}
