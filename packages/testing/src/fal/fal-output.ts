import type { MediaKind, MediaSpec, SampleMedia, SampleMediaCache } from '../common/media/sample-media';

/** What an output is built from. */
export interface FalOutputContext {
  readonly requestId: string;
  readonly input: Readonly<Record<string, unknown>>;
  /** The endpoint's main media kind, for fields whose name does not tell. */
  readonly kind: 'video' | 'image';
  /** Base URL of this job's media, e.g. `http://127.0.0.1:PORT/media/<request id>`. */
  readonly mediaBaseUrl: string;
  readonly runMs: number;
  readonly mediaCache: SampleMediaCache;
  /** Resolves a `$ref` node of the schema's document. */
  readonly deref: (node: unknown) => unknown;
}

/** A built output and the media files its URLs point to (by file name). */
export interface FalOutput {
  readonly output: unknown;
  readonly media: ReadonlyMap<string, SampleMedia>;
}

type Schema = Record<string, unknown>;

const IMAGE_SIZE_PRESETS: Readonly<Record<string, readonly [number, number]>> = {
  square_hd: [1024, 1024],
  square: [512, 512],
  portrait_4_3: [768, 1024],
  portrait_16_9: [576, 1024],
  landscape_4_3: [1024, 768],
  landscape_16_9: [1024, 576],
};
const DEFAULT_IMAGE_SIZE: readonly [number, number] = [1024, 768];
const MAX_IMAGE_SIDE = 2048;
const DEFAULT_VIDEO_SECONDS = 5;
const MAX_VIDEO_SECONDS = 60;

/** fal's `File` fields, as real outputs fill them. */
const FILE_FIELDS = ['url', 'content_type', 'file_name', 'file_size', 'width', 'height', 'fps', 'duration', 'num_frames'] as const;

/** Output used when no contract describes the endpoint: fal's common shapes by kind. */
const DEFAULT_OUTPUT_SCHEMAS: Readonly<Record<'video' | 'image', Schema>> = {
  video: {
    type: 'object',
    required: ['video'],
    properties: { video: { type: 'object', required: ['url'], properties: { url: {}, content_type: {}, file_name: {}, file_size: {} } } },
  },
  image: {
    type: 'object',
    required: ['images', 'seed'],
    properties: {
      images: { type: 'array', items: { type: 'object', required: ['url'], properties: { url: {}, width: {}, height: {}, content_type: {} } } },
      seed: { type: 'integer' },
    },
  },
};

function isObject(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows refs and merges `allOf`; picks the first non-null branch of `anyOf`/`oneOf`. */
function flatten(node: unknown, context: FalOutputContext, depth = 0): Schema {
  const schema = context.deref(node);
  if (!isObject(schema) || depth > 16) return {};
  if (Array.isArray(schema.allOf)) {
    const { allOf, ...rest } = schema;
    return (allOf as unknown[]).reduce<Schema>((merged, part) => {
      const flat = flatten(part, context, depth + 1);
      return {
        ...flat,
        ...merged,
        properties: { ...(isObject(flat.properties) ? flat.properties : {}), ...(isObject(merged.properties) ? merged.properties : {}) },
        required: [...(Array.isArray(flat.required) ? flat.required : []), ...(Array.isArray(merged.required) ? merged.required : [])],
      };
    }, rest);
  }
  const union = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(union)) {
    const branch = union.map((candidate) => flatten(candidate, context, depth + 1)).find((candidate) => candidate.type !== 'null');
    return branch ?? {};
  }
  return schema;
}

function positiveNumber(value: unknown): number | undefined {
  const parsed = typeof value === 'string' ? Number.parseFloat(value) : value;
  return typeof parsed === 'number' && Number.isFinite(parsed) && parsed > 0 ? parsed : undefined;
}

/** Seconds of video the input asks for: `duration` ("8s", "5", 8) or frames / fps. */
function requestedSeconds(input: Readonly<Record<string, unknown>>): number {
  const direct = positiveNumber(input.duration);
  const frames = positiveNumber(input.num_frames);
  const fps = positiveNumber(input.frames_per_second) ?? positiveNumber(input.fps);
  const seconds = direct ?? (frames !== undefined ? frames / (fps ?? 16) : DEFAULT_VIDEO_SECONDS);
  return Math.min(MAX_VIDEO_SECONDS, Math.max(0.5, seconds));
}

/** Image size the input asks for: `image_size` (preset or `{width,height}`), else `aspect_ratio`. */
function requestedImageSize(input: Readonly<Record<string, unknown>>): readonly [number, number] {
  const size = input.image_size;
  let dimensions: readonly [number, number] | undefined;
  if (typeof size === 'string') dimensions = IMAGE_SIZE_PRESETS[size];
  else if (isObject(size) && positiveNumber(size.width) && positiveNumber(size.height)) dimensions = [Number(size.width), Number(size.height)];
  const ratio = typeof input.aspect_ratio === 'string' ? /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(input.aspect_ratio) : null;
  if (!dimensions && ratio) {
    const w = Number(ratio[1]);
    const h = Number(ratio[2]);
    dimensions = w >= h ? [1024, Math.round((1024 * h) / w)] : [Math.round((1024 * w) / h), 1024];
  }
  const [width, height] = dimensions ?? DEFAULT_IMAGE_SIZE;
  const clamp = (side: number) => Math.min(MAX_IMAGE_SIDE, Math.max(1, Math.round(side)));
  return [clamp(width), clamp(height)];
}

function imageCount(input: Readonly<Record<string, unknown>>): number {
  const count = input.num_images ?? input.n;
  return typeof count === 'number' && Number.isInteger(count) ? Math.min(8, Math.max(1, count)) : 1;
}

function seedOf(context: FalOutputContext, index = 0): number {
  const seed = context.input.seed;
  if (typeof seed === 'number' && Number.isInteger(seed)) return seed + index;
  // Deterministic per request: the same job always reports the same seed.
  let hash = 0;
  for (const char of context.requestId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return (hash % 2_147_483_647) + index;
}

function mediaKindOf(fieldName: string, fallback: MediaKind): MediaKind {
  if (/video/i.test(fieldName)) return 'video';
  if (/audio|sound|speech/i.test(fieldName)) return 'audio';
  if (/image|thumbnail|spritesheet|frame|mask/i.test(fieldName)) return 'image';
  return fallback;
}

class OutputBuilder {
  readonly media = new Map<string, SampleMedia>();

  constructor(readonly context: FalOutputContext) {}

  value(node: unknown, name: string, index?: number): unknown {
    const schema = flatten(node, this.context);
    const properties = isObject(schema.properties) ? schema.properties : undefined;
    if (properties && 'url' in properties) return this.file(name, properties, index);
    const special = this.special(name);
    if (special !== undefined) return special;
    const type = Array.isArray(schema.type) ? schema.type.find((candidate) => candidate !== 'null') : schema.type;
    if (type === 'object' || properties) return this.object(schema);
    if (type === 'array') {
      const count = /image|video|seed/i.test(name) ? imageCount(this.context.input) : 1;
      return Array.from({ length: count }, (_, item) => this.value(schema.items, name, item));
    }
    if (schema.default !== undefined) return schema.default;
    if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
    switch (type) {
      case 'string':
        return '';
      case 'integer':
      case 'number':
        return typeof schema.minimum === 'number' ? schema.minimum : 0;
      case 'boolean':
        return false;
      case 'null':
        return null;
      default:
        return null;
    }
  }

  object(schema: Schema): Record<string, unknown> {
    const properties = isObject(schema.properties) ? schema.properties : {};
    const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
    // seed is optional in some schemas but clients read it whenever it is declared.
    if ('seed' in properties) required.add('seed');
    const result: Record<string, unknown> = {};
    for (const name of required) {
      if (name in properties) result[name] = this.value(properties[name], name);
    }
    return result;
  }

  /** Fields whose value follows from the request rather than from their schema. */
  special(name: string): unknown {
    const { input } = this.context;
    switch (name) {
      case 'seed':
        return seedOf(this.context);
      case 'seeds':
        return Array.from({ length: imageCount(input) }, (_, index) => seedOf(this.context, index));
      case 'prompt':
      case 'actual_prompt':
        return typeof input.prompt === 'string' ? input.prompt : '';
      case 'video_id':
        return `video_${this.context.requestId}`;
      case 'has_nsfw_concepts':
        return Array.from({ length: imageCount(input) }, () => false);
      case 'timings':
        return { inference: this.context.runMs / 1000 };
      default:
        return undefined;
    }
  }

  file(name: string, properties: Schema, index: number | undefined): Record<string, unknown> {
    const kind = mediaKindOf(name, this.context.kind);
    const spec: MediaSpec =
      kind === 'image'
        ? (() => {
            const [width, height] = requestedImageSize(this.context.input);
            return { kind, width, height };
          })()
        : { kind, durationSeconds: requestedSeconds(this.context.input) };
    const media = this.context.mediaCache.get(spec);
    const fileName = `${name}${index === undefined ? '' : `-${index}`}.${media.extension}`;
    this.media.set(fileName, media);
    const facts: Readonly<Record<(typeof FILE_FIELDS)[number], unknown>> = {
      url: `${this.context.mediaBaseUrl}/${fileName}`,
      content_type: media.contentType,
      file_name: fileName,
      file_size: media.bytes.byteLength,
      width: media.width,
      height: media.height,
      fps: media.fps,
      duration: media.durationSeconds,
      num_frames: media.numFrames,
    };
    const file: Record<string, unknown> = {};
    for (const field of FILE_FIELDS) {
      if (field in properties && facts[field] !== undefined) file[field] = facts[field];
    }
    return file;
  }
}

/**
 * Builds a realistic output for a job from the endpoint's output schema (or fal's common shape
 * for its kind): media fields get URLs on the fake origin with the facts of the served file
 * (size, dimensions, duration), `seed`/`prompt` echo the input, `images` follow `num_images`.
 */
export function buildFalOutput(outputSchema: unknown, context: FalOutputContext): FalOutput {
  const builder = new OutputBuilder(context);
  const output = builder.object(flatten(outputSchema ?? DEFAULT_OUTPUT_SCHEMAS[context.kind], context));
  return { output, media: builder.media };
}

/** Guesses an endpoint's media kind from its catalogue category, else from its id and input. */
export function falEndpointKind(endpointId: string, input: Readonly<Record<string, unknown>>, category?: string): 'video' | 'image' {
  if (category) return category.endsWith('image') ? 'image' : 'video';
  if (/video|veo|kling|sora|hailuo|seedance|pixverse|luma|ltx|hunyuan|mochi|minimax/i.test(endpointId)) return 'video';
  if (/image|flux|recraft|ideogram|imagen|sdxl|stable-diffusion|seedream/i.test(endpointId) || 'num_images' in input || 'image_size' in input) return 'image';
  return 'video';
}
