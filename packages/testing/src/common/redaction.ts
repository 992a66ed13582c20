/** What a secret is replaced with in recordings. */
export const REDACTED = '[REDACTED]';

/** Header names whose value is always a credential. */
const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'x-goog-api-key',
  'api-key',
  'x-api-key',
  'cookie',
  'set-cookie',
]);

/** Query parameters that carry credentials (Google's `?key=`, signed tokens). */
const SECRET_QUERY_PARAMS = new Set(['key', 'api_key', 'apikey', 'token', 'access_token', 'fal_jwt_token']);

/**
 * Values that look like credentials whatever the header: auth schemes, and the prefixes of the
 * providers' key formats (OpenAI `sk-`, Replicate `r8_`, Google `AIza`, Stability `sk-`, fal
 * `key_id:secret`, JWTs).
 */
const SECRET_VALUE_PATTERNS: readonly RegExp[] = [
  /^\s*(key|bearer|token|basic)\s+\S/i,
  /\bsk-[A-Za-z0-9_-]{8,}/,
  /\br8_[A-Za-z0-9]{8,}/,
  /\bAIza[A-Za-z0-9_-]{20,}/,
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\./,
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:[0-9a-f]{16,}$/i,
];

/**
 * Removes credentials from recorded values. Besides fixed rules (secret header and query
 * names, key-shaped values) it knows the exact secrets the server was configured with, so a
 * key is redacted wherever it shows up, in any header or query value.
 */
export class Redactor {
  readonly #secrets: readonly string[];

  /** @param secrets exact secret strings (e.g. the API keys a fake server accepts). */
  constructor(secrets: readonly string[] = []) {
    this.#secrets = secrets.filter((secret) => secret.length > 0);
  }

  /** Whether a value must not be recorded as is. */
  isSecretValue(value: string): boolean {
    return SECRET_VALUE_PATTERNS.some((pattern) => pattern.test(value)) || this.#secrets.some((secret) => value.includes(secret));
  }

  /** Redacts one header value. */
  header(name: string, value: string): string {
    return SECRET_HEADERS.has(name.toLowerCase()) || this.isSecretValue(value) ? REDACTED : value;
  }

  /** Redacts one query parameter value. */
  queryParam(name: string, value: string): string {
    return SECRET_QUERY_PARAMS.has(name.toLowerCase()) || this.isSecretValue(value) ? REDACTED : value;
  }

  /** Flattens Node's header object to lower-case names and redacted string values. */
  headers(headers: Readonly<Record<string, string | readonly string[] | undefined>>): Record<string, string> {
    const result: Record<string, string> = {};
    for (const [name, raw] of Object.entries(headers)) {
      if (raw === undefined) continue;
      const value = typeof raw === 'string' ? raw : raw.join(', ');
      result[name.toLowerCase()] = this.header(name, value);
    }
    return result;
  }

  /** Query parameters as a record (repeated names become arrays), redacted. */
  query(params: URLSearchParams): Record<string, string | string[]> {
    const result: Record<string, string | string[]> = {};
    for (const name of new Set(params.keys())) {
      const values = params.getAll(name).map((value) => this.queryParam(name, value));
      result[name] = values.length === 1 ? (values[0] as string) : values;
    }
    return result;
  }
}
