import { componentName, resolveSchema, singleReference, type JsonSchema, type SchemaComponents } from '../schema/json-schema';
import type { FieldShape } from './field-shape';
import type { Modality } from './media-field-roles';

/** Mirrors `FalOutputSpec` of @tarash/provider-fal: top-level output fields holding media. */
export interface OutputSpec {
  readonly video?: readonly string[];
  readonly videoList?: readonly string[];
  readonly image?: readonly string[];
  readonly imageList?: readonly string[];
  readonly audio?: readonly string[];
}

type MediaKind = 'video' | 'image' | 'audio';

/** A top-level output field holding a file or a list of files. */
export interface OutputMediaField {
  readonly name: string;
  readonly list: boolean;
  /** From the field name, then the referenced schema's name; `undefined` when neither tells. */
  readonly kind: MediaKind | undefined;
}

/** A `File`-like schema: an object with a `url` string. */
function isFileSchema(schema: JsonSchema | undefined): boolean {
  const url = schema?.properties?.['url'];
  return url !== undefined && url.type === 'string';
}

/** The media kind a name suggests (`video`, `thumbnail_image`, `VideoFile`, `AudioFile`…). */
function kindFromName(name: string | undefined): MediaKind | undefined {
  const text = (name ?? '').toLowerCase();
  if (text.includes('video')) return 'video';
  if (text.includes('audio')) return 'audio';
  if (text.includes('image')) return 'image';
  return undefined;
}

/** Finds the output fields holding a `File` (`video`, `images`, `thumbnail`…) and what they hold. */
export function detectOutputMedia(fields: readonly FieldShape[], components: SchemaComponents): OutputMediaField[] {
  const media: OutputMediaField[] = [];
  for (const field of fields) {
    if (field.kind === 'object' && isFileSchema(field.schema)) {
      media.push({ name: field.name, list: false, kind: kindFromName(field.name) ?? kindFromName(field.referenceName) });
      continue;
    }
    const items = field.kind === 'array' ? field.schema.items : undefined;
    if (items === undefined || Array.isArray(items)) continue;
    const item = items as JsonSchema;
    if (isFileSchema(resolveSchema(item, components))) {
      const reference = singleReference(item);
      const itemName = reference === undefined ? undefined : componentName(reference);
      media.push({ name: field.name, list: true, kind: kindFromName(field.name) ?? kindFromName(itemName) });
    }
  }
  return media;
}

/** Video endpoints by category (`*-to-video`), image endpoints (`*-to-image`), else by their output. */
export function detectModality(category: string | undefined, media: readonly OutputMediaField[]): Modality | undefined {
  if (category?.endsWith('-to-video')) return 'video';
  if (category?.endsWith('-to-image')) return 'image';
  if (media.some((m) => m.kind === 'video')) return 'video';
  if (media.some((m) => m.kind === 'image')) return 'image';
  return undefined;
}

/**
 * Groups the media fields into an {@link OutputSpec}. A file of unknown kind counts as the
 * endpoint's modality when no other field has that kind; otherwise it is left out with a note.
 */
export function buildOutputSpec(
  media: readonly OutputMediaField[],
  modality: Modality,
): { readonly spec: OutputSpec; readonly notes: readonly string[] } {
  const notes: string[] = [];
  const hasModality = media.some((m) => m.kind === modality);
  const spec: { -readonly [K in keyof OutputSpec]?: string[] } = {};
  for (const field of media) {
    const kind = field.kind ?? (hasModality ? undefined : modality);
    if (kind === undefined) {
      notes.push(`output field "${field.name}" holds a file of unknown kind; it is not in the output spec`);
      continue;
    }
    const key: keyof OutputSpec = kind === 'audio' ? 'audio' : field.list ? `${kind}List` : kind;
    (spec[key] ??= []).push(field.name);
  }
  return { spec, notes };
}
