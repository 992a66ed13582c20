const REDACTED = '[REDACTED]';

/** Header-like `name: value` / `name=value` pairs whose value is a credential, whatever it is. */
const CREDENTIAL_PAIR =
  /\b(authorization|proxy-authorization|x-goog-api-key|api-key|x-api-key|apikey|api_key|access_token|token)(["']?\s*[:=]\s*["']?)(?:(?:Bearer|Key|Token|Basic)\s+)?[^\s"',;}&]+/gi;

/**
 * Removes secrets from everything that leaves the SDK: messages, stacks, raw responses, log
 * fields, metadata. Knows the chain's API keys (and both halves of `id:secret` keys) and also
 * blanks any credential-looking header pair, so a key never reaches a log even if a provider
 * echoes it back.
 */
export class Redactor {
  private secrets: readonly string[] = [];

  constructor(secrets: Iterable<string | undefined>) {
    this.add(...secrets);
  }

  /** Learns more secrets (e.g. an access token fetched during a call). */
  add(...secrets: (string | undefined)[]): void {
    const all = new Set(this.secrets);
    for (const secret of secrets) {
      if (!secret || secret.length < 4) continue;
      all.add(secret);
      for (const part of secret.split(':')) if (part.length >= 8) all.add(part);
    }
    // Longest first, so a key is replaced whole before any of its halves.
    this.secrets = [...all].sort((a, b) => b.length - a.length);
  }

  /** Redacts one string. */
  redactString(text: string): string {
    let out = text;
    for (const secret of this.secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return out.replace(CREDENTIAL_PAIR, (_m, name: string, sep: string) => `${name}${sep}${REDACTED}`);
  }

  /** Returns a redacted deep copy of plain data; errors are redacted in place (keeping their class). */
  redact<T>(value: T): T {
    return this.walk(value, new WeakMap()) as T;
  }

  private walk(value: unknown, seen: WeakMap<object, unknown>): unknown {
    if (typeof value === 'string') return this.redactString(value);
    if (value === null || typeof value !== 'object') return value;
    if (seen.has(value)) return seen.get(value);
    if (value instanceof Error) {
      seen.set(value, value);
      this.redactErrorInPlace(value, seen);
      return value;
    }
    if (Array.isArray(value)) {
      const copy: unknown[] = [];
      seen.set(value, copy);
      for (const item of value) copy.push(this.walk(item, seen));
      return copy;
    }
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer || !isPlainObject(value)) return value;
    const copy: Record<string, unknown> = {};
    seen.set(value, copy);
    for (const [k, v] of Object.entries(value)) copy[k] = this.walk(v, seen);
    return copy;
  }

  private redactErrorInPlace(error: Error, seen: WeakMap<object, unknown>): void {
    const writable = error as unknown as Record<string, unknown>;
    define(error, 'message', this.redactString(error.message));
    if (typeof error.stack === 'string') define(error, 'stack', this.redactString(error.stack));
    for (const key of Object.keys(error)) {
      if (key === 'message' || key === 'stack') continue;
      define(error, key, this.walk(writable[key], seen));
    }
    if ('cause' in error && error.cause !== undefined) define(error, 'cause', this.walk(error.cause, seen));
  }
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function define(target: object, key: string, value: unknown): void {
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, {
    value,
    writable: true,
    configurable: true,
    enumerable: descriptor ? descriptor.enumerable : key !== 'message' && key !== 'stack' && key !== 'cause',
  });
}
