/**
 * One way a body breaks its contract, in neutral terms; each fake server renders issues in its
 * provider's error shape.
 */
export interface ContractIssue {
  /** Where in the body: property names and array indices (a missing property is included). */
  readonly path: readonly (string | number)[];
  /** A human sentence naming the field, what is allowed and the value received. */
  readonly message: string;
  /** The JSON Schema keyword that failed (`required`, `enum`, `maximum`, `type`, `anyOf`...). */
  readonly keyword: string;
  /** The keyword's parameters as ajv reports them (`allowedValues`, `limit`, `type`...). */
  readonly params: Readonly<Record<string, unknown>>;
  /** The offending value (undefined for a missing property). */
  readonly value: unknown;
}

/** Renders a path as `image_size.width` / `images[0].url` (`(body)` for the root). */
export function formatIssuePath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(body)';
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}
