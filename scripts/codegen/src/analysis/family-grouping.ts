import { componentName, isJsonObject, type SchemaComponents } from '../schema/json-schema';
import type { EndpointAnalysis } from './endpoint-analysis';

/** Endpoints that share one generated module because their schemas and mappings agree. */
export interface ModelFamily {
  /** The endpoint naming the module and its types (the shortest id). */
  readonly representative: EndpointAnalysis;
  /** Every member, representative first, then by id. */
  readonly members: readonly EndpointAnalysis[];
}

/** Keywords that document a schema without changing what it accepts. */
function isAnnotation(keyword: string): boolean {
  return (
    keyword === 'title' ||
    keyword === 'description' ||
    keyword === 'examples' ||
    keyword === 'limit_description' ||
    keyword.startsWith('x-')
  );
}

/** A schema with references inlined, annotations dropped and keys sorted, for comparison. */
function canonical(value: unknown, components: SchemaComponents, stack: readonly string[] = []): unknown {
  if (Array.isArray(value)) return value.map((v) => canonical(v, components, stack));
  if (!isJsonObject(value)) return value;
  const ref = typeof value['$ref'] === 'string' ? componentName(value['$ref']) : undefined;
  if (ref !== undefined) {
    if (stack.includes(ref)) return { $recursive: stack.length - stack.indexOf(ref) };
    return canonical(components.get(ref) ?? { $dangling: true }, components, [...stack, ref]);
  }
  const keys = Object.keys(value)
    .filter((k) => !isAnnotation(k))
    .sort();
  return Object.fromEntries(keys.map((k) => [k, canonical(value[k], components, stack)]));
}

/** What must agree for two endpoints to share a module: schemas, modality, mapping, output spec. */
export function familyKey(analysis: EndpointAnalysis): string {
  const { schema } = analysis;
  return JSON.stringify([
    analysis.modality,
    canonical(schema.components.get(schema.inputName), schema.components),
    canonical(schema.components.get(schema.outputName), schema.components),
    analysis.mapping.mappers,
    analysis.output,
  ]);
}

function byRepresentativeOrder(a: EndpointAnalysis, b: EndpointAnalysis): number {
  const [x, y] = [a.schema.endpointId, b.schema.endpointId];
  return x.length - y.length || (x < y ? -1 : x > y ? 1 : 0);
}

/**
 * Groups endpoints whose input and output schemas (annotations aside), modality, mapping and
 * output spec agree, e.g. `fal-ai/veo3.1` and `fal-ai/veo3.1/fast`. Deterministic: families
 * are sorted by representative id, members by id after the representative.
 */
export function groupFamilies(analyses: readonly EndpointAnalysis[]): ModelFamily[] {
  const groups = new Map<string, EndpointAnalysis[]>();
  for (const analysis of analyses) {
    const key = familyKey(analysis);
    groups.set(key, [...(groups.get(key) ?? []), analysis]);
  }
  const families = [...groups.values()].map((group) => {
    const [representative, ...rest] = [...group].sort(byRepresentativeOrder);
    if (!representative) throw new Error('empty family');
    const others = rest.sort((a, b) => (a.schema.endpointId < b.schema.endpointId ? -1 : 1));
    return { representative, members: [representative, ...others] };
  });
  return families.sort((a, b) => (a.representative.schema.endpointId < b.representative.schema.endpointId ? -1 : 1));
}
