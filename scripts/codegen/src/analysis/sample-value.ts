import {
  declaredTypes,
  isJsonObject,
  nullableAlternatives,
  orderedPropertyNames,
  resolveSchema,
  type JsonSchema,
  type SchemaComponents,
} from '../schema/json-schema';
import { numericRange } from './field-shape';

const SAMPLE_TEXT = 'example';

/**
 * A value a schema accepts, for generated tests: the default, else the first example, else
 * the first enum value, else one built from the type and bounds (required properties only).
 */
export function sampleValue(schema: JsonSchema, components: SchemaComponents, depth = 0): unknown {
  const resolved = resolveSchema(schema, components);
  if (resolved === undefined || depth > 8) return null;
  if ('default' in resolved && resolved.default !== null) return resolved.default;
  if (resolved.examples?.[0] !== undefined) return resolved.examples[0];
  const { alternatives } = nullableAlternatives(resolved);
  const [first] = alternatives;
  if (first !== resolved && first !== undefined) return sampleValue(first, components, depth + 1);
  if (resolved.enum?.[0] !== undefined) return resolved.enum[0];
  if ('const' in resolved) return resolved.const;
  const [type] = declaredTypes(resolved).filter((t) => t !== 'null');
  switch (type) {
    case 'string':
      return SAMPLE_TEXT.repeat(Math.ceil((resolved.minLength ?? 1) / SAMPLE_TEXT.length)).slice(
        0,
        Math.max(resolved.maxLength ?? SAMPLE_TEXT.length, resolved.minLength ?? 1),
      );
    case 'integer':
    case 'number': {
      const { min, max } = numericRange(resolved);
      return min ?? (max !== undefined ? Math.min(max, 1) : 1);
    }
    case 'boolean':
      return false;
    case 'array': {
      const items = isJsonObject(resolved.items) ? (resolved.items as JsonSchema) : {};
      return Array.from({ length: resolved.minItems ?? 1 }, () => sampleValue(items, components, depth + 1));
    }
    default: {
      if (!resolved.properties) return {};
      const required = new Set(resolved.required ?? []);
      const names = orderedPropertyNames(resolved).filter((name) => required.has(name));
      return Object.fromEntries(names.map((name) => [name, sampleValue(resolved.properties?.[name] ?? {}, components, depth + 1)]));
    }
  }
}
