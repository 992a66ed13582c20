import { componentName, isJsonObject, type SchemaComponents } from './json-schema';

/** The components a schema refers to, directly (not through other components). */
export function directReferences(value: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (isJsonObject(node)) {
      const ref = typeof node['$ref'] === 'string' ? componentName(node['$ref']) : undefined;
      if (ref !== undefined && !found.includes(ref)) found.push(ref);
      Object.values(node).forEach(walk);
    }
  };
  walk(value);
  return found;
}

/** Components reachable from `roots`, and references that point at no component. */
export interface SchemaClosure {
  /** Reachable component names, each after the components it refers to (cycles broken anywhere). */
  readonly ordered: readonly string[];
  /** Components that take part in a reference cycle (they need lazy references). */
  readonly recursive: ReadonlySet<string>;
  /** Names referenced but missing from the document. */
  readonly dangling: readonly string[];
}

/** Walks references from `roots` (depth first, dependencies first). */
export function schemaClosure(roots: readonly string[], components: SchemaComponents): SchemaClosure {
  const ordered: string[] = [];
  const recursive = new Set<string>();
  const dangling: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (name: string): void => {
    const schema = components.get(name);
    if (schema === undefined) {
      if (!dangling.includes(name)) dangling.push(name);
      return;
    }
    if (state.get(name) === 'visiting') {
      stack.slice(stack.indexOf(name)).forEach((n) => recursive.add(n));
      return;
    }
    if (state.get(name) === 'done') return;
    state.set(name, 'visiting');
    stack.push(name);
    directReferences(schema).forEach(visit);
    stack.pop();
    state.set(name, 'done');
    ordered.push(name);
  };
  roots.forEach(visit);
  return { ordered, recursive, dangling };
}
