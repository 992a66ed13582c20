import type { SampleMedia, SampleMediaCache } from '../common/media/sample-media';
import type { ReplicateMediaKind } from './replicate-model-catalog';

/** How an output is laid out: a bare URL, a list of URLs, or an object holding them. */
export type ReplicateOutputShape = 'url' | 'url-list' | 'object';

/** Options of {@link replicateMediaOutput}. */
export interface ReplicateMediaOutputOptions {
  readonly shape?: ReplicateOutputShape;
  /** How many files (default 1; image models default to the input's `num_outputs`). */
  readonly count?: number;
  /** Default: what the model produces. */
  readonly kind?: ReplicateMediaKind;
}

/**
 * A job script `output` that the fake server turns into real media URLs on its own origin, so
 * a test picks the layout without writing URLs: `scriptNext({ output: replicateMediaOutput({ shape: 'object' }) })`.
 * Any other `output` value is sent verbatim.
 */
export class ReplicateMediaOutput {
  readonly shape: ReplicateOutputShape | undefined;
  readonly count: number | undefined;
  readonly kind: ReplicateMediaKind | undefined;

  constructor(options: ReplicateMediaOutputOptions = {}) {
    if (options.shape !== undefined && !['url', 'url-list', 'object'].includes(options.shape)) {
      throw new RangeError(`shape must be "url", "url-list" or "object"; got ${JSON.stringify(options.shape)}.`);
    }
    if (options.count !== undefined && (!Number.isInteger(options.count) || options.count < 1 || options.count > 16)) {
      throw new RangeError(`count must be an integer from 1 to 16; got ${String(options.count)}.`);
    }
    this.shape = options.shape;
    this.count = options.count;
    this.kind = options.kind;
  }
}

/** Shorthand for `new ReplicateMediaOutput(options)`. */
export function replicateMediaOutput(options: ReplicateMediaOutputOptions = {}): ReplicateMediaOutput {
  return new ReplicateMediaOutput(options);
}

/** What an output is built from. */
export interface ReplicateOutputContext {
  readonly produces: ReplicateMediaKind;
  readonly input: Readonly<Record<string, unknown>>;
  /** e.g. `http://127.0.0.1:PORT/media/<prediction id>`. */
  readonly mediaBaseUrl: string;
  readonly mediaCache: SampleMediaCache;
}

/** A built output and the files its URLs serve. */
export interface ReplicateOutput {
  readonly output: unknown;
  readonly media: ReadonlyMap<string, SampleMedia>;
}

const DEFAULT_VIDEO_SECONDS = 5;
const MAX_VIDEO_SECONDS = 12;

function videoSeconds(input: Readonly<Record<string, unknown>>): number {
  const duration = Number(input.duration);
  return Number.isFinite(duration) && duration >= 1 ? Math.min(MAX_VIDEO_SECONDS, Math.round(duration)) : DEFAULT_VIDEO_SECONDS;
}

function defaultCount(kind: ReplicateMediaKind, input: Readonly<Record<string, unknown>>): number {
  const requested = Number(input.num_outputs);
  return kind === 'image' && Number.isInteger(requested) && requested >= 1 ? Math.min(requested, 16) : 1;
}

/**
 * Builds a prediction's output: the script's exact value, or media files on the fake origin
 * laid out as asked (default: one video URL string for video models, a list of image URLs for
 * image models, as Replicate's popular models do — wire.md §2.3).
 */
export function buildReplicateOutput(scripted: unknown, context: ReplicateOutputContext): ReplicateOutput {
  if (scripted !== undefined && !(scripted instanceof ReplicateMediaOutput)) return { output: scripted, media: new Map() };
  const kind = scripted?.kind ?? context.produces;
  const count = scripted?.count ?? defaultCount(kind, context.input);
  const shape = scripted?.shape ?? (kind === 'image' ? 'url-list' : 'url');
  const media = new Map<string, SampleMedia>();
  const urls: string[] = [];
  for (let index = 0; index < count; index++) {
    const sample = context.mediaCache.get(kind === 'video' ? { kind: 'video', durationSeconds: videoSeconds(context.input) } : { kind: 'image', width: 64, height: 64 });
    const fileName = `output-${index}.${sample.extension}`;
    media.set(fileName, sample);
    urls.push(`${context.mediaBaseUrl}/${fileName}`);
  }
  switch (shape) {
    case 'url':
      return { output: urls.length === 1 ? urls[0] : urls, media };
    case 'url-list':
      return { output: urls, media };
    case 'object':
      return { output: kind === 'video' ? { video: urls.length === 1 ? urls[0] : urls, seed: 42 } : { images: urls, seed: 42 }, media };
  }
}
