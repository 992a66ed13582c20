import type { FalOutputSpec } from '../models/fal-model-definition';

/** A media file of a fal output (fal's `File` / `VideoFile` / `ImageFile` schemas). */
export interface FalOutputFile {
  readonly url: string;
  readonly contentType?: string;
  readonly width?: number;
  readonly height?: number;
  /** Seconds (video and audio files). */
  readonly duration?: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const positive = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined);

/** Reads a `File`-shaped object (`{url, content_type?, width?, height?, duration?}`). */
export function readFalFile(value: unknown): FalOutputFile | undefined {
  if (!isRecord(value) || typeof value.url !== 'string' || value.url === '') return undefined;
  const width = positive(value.width);
  const height = positive(value.height);
  const duration = positive(value.duration);
  return {
    url: value.url,
    ...(typeof value.content_type === 'string' ? { contentType: value.content_type } : {}),
    ...(width !== undefined ? { width } : {}),
    ...(height !== undefined ? { height } : {}),
    ...(duration !== undefined ? { duration } : {}),
  };
}

/** The files of the output fields `fields`: each a single `File` or a list of them. */
export function falFilesAt(output: unknown, fields: readonly string[] | undefined): FalOutputFile[] {
  if (!isRecord(output)) return [];
  return (fields ?? []).flatMap((field) => {
    const value = output[field];
    const items: unknown[] = Array.isArray(value) ? value : [value];
    return items.map(readFalFile).filter((file): file is FalOutputFile => file !== undefined);
  });
}

type MediaKind = 'video' | 'image' | 'audio';

/** A file's kind by its content type, else by its field name. */
function kindOf(field: string, file: FalOutputFile): MediaKind | undefined {
  const byType = /^(video|image|audio)\//.exec(file.contentType ?? '')?.[1];
  if (byType) return byType as MediaKind;
  return (['video', 'image', 'audio'] as const).find((kind) => field.toLowerCase().includes(kind));
}

/**
 * Where an output keeps its media, for endpoints without a generated definition: every
 * top-level `File` (or list of them), classified by content type or field name.
 */
export function detectFalOutputSpec(output: unknown): FalOutputSpec {
  const spec: { video: string[]; videoList: string[]; image: string[]; imageList: string[]; audio: string[] } = {
    video: [],
    videoList: [],
    image: [],
    imageList: [],
    audio: [],
  };
  if (!isRecord(output)) return spec;
  for (const [field, value] of Object.entries(output)) {
    const list = Array.isArray(value);
    const first = readFalFile(list ? value[0] : value);
    const kind = first && kindOf(field, first);
    if (kind === 'video') spec[list ? 'videoList' : 'video'].push(field);
    else if (kind === 'image') spec[list ? 'imageList' : 'image'].push(field);
    else if (kind === 'audio') spec.audio.push(field);
  }
  return spec;
}
