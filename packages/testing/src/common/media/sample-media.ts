import { createMp4 } from './mp4';
import { createPng } from './png';
import { createWav } from './wav';

/** What kind of media to serve. */
export type MediaKind = 'video' | 'image' | 'audio';

/** Which sample file to build. */
export type MediaSpec =
  | { readonly kind: 'video'; readonly durationSeconds: number }
  | { readonly kind: 'image'; readonly width: number; readonly height: number }
  | { readonly kind: 'audio'; readonly durationSeconds: number };

/** A generated sample file and the facts a provider reports about it. */
export interface SampleMedia {
  readonly bytes: Uint8Array;
  readonly contentType: string;
  /** Without the dot, e.g. `mp4`. */
  readonly extension: string;
  readonly width?: number;
  readonly height?: number;
  readonly durationSeconds?: number;
  readonly fps?: number;
  readonly numFrames?: number;
}

const MAX_CACHED = 64;

function build(spec: MediaSpec): SampleMedia {
  switch (spec.kind) {
    case 'video': {
      const mp4 = createMp4({ durationSeconds: spec.durationSeconds });
      return {
        bytes: mp4.bytes,
        contentType: 'video/mp4',
        extension: 'mp4',
        width: mp4.width,
        height: mp4.height,
        durationSeconds: mp4.durationSeconds,
        fps: mp4.fps,
        numFrames: mp4.numFrames,
      };
    }
    case 'image':
      return { bytes: createPng({ width: spec.width, height: spec.height }), contentType: 'image/png', extension: 'png', width: spec.width, height: spec.height };
    case 'audio':
      return { bytes: createWav({ durationSeconds: spec.durationSeconds }), contentType: 'audio/wav', extension: 'wav', durationSeconds: spec.durationSeconds };
  }
}

/**
 * Sample media by spec, built once and kept in a small LRU cache: thousands of jobs asking
 * for "an 8 s video" share one buffer.
 */
export class SampleMediaCache {
  readonly #entries = new Map<string, SampleMedia>();

  /** The sample for `spec`, built on first request. */
  get(spec: MediaSpec): SampleMedia {
    const key = JSON.stringify(spec);
    const cached = this.#entries.get(key);
    if (cached) {
      this.#entries.delete(key);
      this.#entries.set(key, cached);
      return cached;
    }
    const media = build(spec);
    this.#entries.set(key, media);
    if (this.#entries.size > MAX_CACHED) this.#entries.delete(this.#entries.keys().next().value as string);
    return media;
  }
}
