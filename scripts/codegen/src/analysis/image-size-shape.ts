import { declaredTypes, type JsonSchema } from '../schema/json-schema';
import type { FieldShape } from './field-shape';

/** What an `image_size` field accepts: preset names, a `{ width, height }` object, or both. */
export interface ImageSizeShape {
  readonly presets: readonly string[];
  readonly customSize: boolean;
}

function isSizeObject(schema: JsonSchema): boolean {
  const properties = schema.properties ?? {};
  return 'width' in properties && 'height' in properties;
}

function presetsOf(schema: JsonSchema): string[] {
  return declaredTypes(schema).includes('string') || schema.enum
    ? (schema.enum ?? []).filter((v): v is string => typeof v === 'string')
    : [];
}

/**
 * Reads fal's `image_size` convention: `anyOf: [{$ref: ImageSize}, {enum: [square_hd, …]}]`
 * (optionally nullable), or either form alone. `undefined` when the field is something else.
 */
export function detectImageSizeShape(field: FieldShape): ImageSizeShape | undefined {
  const alternatives = field.kind === 'union' ? field.alternatives : [field.schema];
  const presets = alternatives.flatMap(presetsOf);
  const customSize = alternatives.some(isSizeObject);
  if (presets.length === 0 && !customSize) return undefined;
  return { presets, customSize };
}
