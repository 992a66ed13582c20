/** Path parameters captured by a route pattern; a wildcard is captured under `*` (or its name). */
export type RouteParams = Readonly<Record<string, string>>;

/** A route found for a request. */
export interface RouteMatch<T> {
  readonly value: T;
  readonly params: RouteParams;
}

type Segment =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'param'; readonly name: string }
  | { readonly kind: 'wildcard'; readonly name: string };

interface Route<T> {
  readonly method: string;
  readonly segments: readonly Segment[];
  readonly value: T;
}

function parsePattern(pattern: string): Segment[] {
  if (!pattern.startsWith('/')) {
    throw new TypeError(`Route pattern ${JSON.stringify(pattern)} must start with "/".`);
  }
  return splitPath(pattern).map((part): Segment => {
    if (part.startsWith(':')) {
      if (part.length === 1) throw new TypeError(`Route pattern ${JSON.stringify(pattern)} has a ":" without a parameter name.`);
      return { kind: 'param', name: part.slice(1) };
    }
    if (part.startsWith('*')) return { kind: 'wildcard', name: part.slice(1) || '*' };
    return { kind: 'literal', text: part };
  });
}

function splitPath(path: string): string[] {
  return path.split('/').filter((part) => part !== '');
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function matchSegments(pattern: readonly Segment[], parts: readonly string[], params: Record<string, string>): boolean {
  const [head, ...rest] = pattern;
  if (!head) return parts.length === 0;
  if (head.kind === 'wildcard') {
    // A wildcard takes one or more segments; try the longest first so suffix routes stay exact.
    for (let take = parts.length - rest.length; take >= 1; take--) {
      if (matchSegments(rest, parts.slice(take), params)) {
        params[head.name] = parts.slice(0, take).join('/');
        return true;
      }
    }
    return false;
  }
  const [part, ...remaining] = parts;
  if (part === undefined) return false;
  if (head.kind === 'literal' && head.text !== part) return false;
  if (!matchSegments(rest, remaining, params)) return false;
  if (head.kind === 'param') params[head.name] = part;
  return true;
}

/**
 * A tiny method + path router. Patterns are `/`-separated segments: literals, `:name`
 * parameters (one segment) and `*` / `*name` wildcards (one or more segments, joined with `/`).
 * Routes are tried in the order they were added; the first match wins.
 */
export class Router<T> {
  readonly #routes: Route<T>[] = [];

  /** Adds a route. `method` is matched case-insensitively; `*` matches any method. */
  add(method: string, pattern: string, value: T): this {
    this.#routes.push({ method: method.toUpperCase(), segments: parsePattern(pattern), value });
    return this;
  }

  /** Finds the first route matching `method` and `path` (a path without query string). */
  match(method: string, path: string): RouteMatch<T> | undefined {
    const parts = splitPath(path).map(decodeSegment);
    const upper = method.toUpperCase();
    for (const route of this.#routes) {
      if (route.method !== upper && route.method !== '*') continue;
      const params: Record<string, string> = {};
      if (matchSegments(route.segments, parts, params)) return { value: route.value, params };
    }
    return undefined;
  }

  /** Whether any route matches `path` with another method (for a 405 instead of a 404). */
  matchesOtherMethod(method: string, path: string): boolean {
    const parts = splitPath(path).map(decodeSegment);
    const upper = method.toUpperCase();
    return this.#routes.some((route) => route.method !== upper && matchSegments(route.segments, parts, {}));
  }
}
