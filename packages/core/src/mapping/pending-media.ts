import { describeValue } from '../errors/describe-value';
import type { MediaInput } from '../types/media-input';

/** What kind of media a field expects. */
export type MediaKind = 'image' | 'video' | 'audio';

/**
 * A media input placed in a mapped body, to be resolved by the provider's transport when the
 * job starts (kept as a URL, inlined, or uploaded). Keeping it symbolic keeps mapping pure.
 */
export class PendingMedia {
  constructor(
    readonly input: MediaInput,
    readonly kind: MediaKind,
    /** Where it came from in the standard request, e.g. `imageList[0]` or `video`. */
    readonly source: string,
  ) {}

  /** Readable form for snapshots and logs. */
  toJSON(): { $media: string; kind: MediaKind; input: string } {
    return { $media: this.source, kind: this.kind, input: describeValue(this.input) };
  }
}

/** Replaces every `PendingMedia` in a body (deeply, in parallel) with what `resolve` returns. */
export async function resolvePendingMedia<T>(body: T, resolve: (media: PendingMedia) => Promise<unknown>): Promise<T> {
  const walk = async (value: unknown): Promise<unknown> => {
    if (value instanceof PendingMedia) return resolve(value);
    if (Array.isArray(value)) return Promise.all(value.map(walk));
    if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      const entries = await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await walk(v)] as const));
      return Object.fromEntries(entries);
    }
    return value;
  };
  return (await walk(body)) as T;
}

/** Lists every `PendingMedia` in a body. */
export function collectPendingMedia(body: unknown): PendingMedia[] {
  const out: PendingMedia[] = [];
  const walk = (value: unknown): void => {
    if (value instanceof PendingMedia) out.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(body);
  return out;
}
