import { base64ToBytes, bytesToBase64 } from '../runtime/base64';
import type { MediaInput } from '../types/media-input';

/** A media input read into memory, or left as a URL the provider can fetch itself. */
export type ResolvedMedia =
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array; readonly mediaType: string };

const SIGNATURES: ReadonlyArray<{ readonly type: string; readonly test: (b: Uint8Array) => boolean }> = [
  { type: 'image/png', test: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 },
  { type: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/gif', test: (b) => b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 },
  { type: 'image/webp', test: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP' },
  { type: 'audio/wav', test: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WAVE' },
  { type: 'video/mp4', test: (b) => ascii(b, 4, 8) === 'ftyp' },
  { type: 'video/webm', test: (b) => b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3 },
  { type: 'audio/mpeg', test: (b) => ascii(b, 0, 3) === 'ID3' || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0) },
];

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

/** Guesses a media type from the first bytes (PNG, JPEG, GIF, WebP, MP4, WebM, WAV, MP3). */
export function sniffMediaType(bytes: Uint8Array): string | undefined {
  return SIGNATURES.find((s) => bytes.length >= 12 && s.test(bytes))?.type;
}

/** Splits a `data:` URI into its media type and decoded bytes. */
export function parseDataUri(uri: string): { readonly mediaType: string; readonly bytes: Uint8Array } {
  const match = /^data:([^;,]*)((?:;[^;,]*)*?)(;base64)?,(.*)$/is.exec(uri);
  if (!match) throw new TypeError('not a data: URI');
  const mediaType = match[1] || 'text/plain';
  const payload = match[4] ?? '';
  const bytes = match[3] ? base64ToBytes(payload) : new TextEncoder().encode(decodeURIComponent(payload));
  return { mediaType, bytes };
}

/** Builds a base64 `data:` URI. */
export function toDataUri(bytes: Uint8Array, mediaType: string): string {
  return `data:${mediaType};base64,${bytesToBase64(bytes)}`;
}

/** Size in bytes a data URI decodes to, without decoding it. */
export function dataUriByteLength(uri: string): number {
  const comma = uri.indexOf(',');
  const header = uri.slice(0, comma);
  const payload = uri.length - comma - 1;
  if (!header.endsWith(';base64')) return payload;
  const padding = uri.endsWith('==') ? 2 : uri.endsWith('=') ? 1 : 0;
  return Math.floor((payload * 3) / 4) - padding;
}

const isBlob = (value: unknown): value is Blob => typeof Blob !== 'undefined' && value instanceof Blob;

function toUint8Array(data: Uint8Array | ArrayBuffer): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/**
 * Reads any {@link MediaInput}: URLs stay URLs; data URIs, bytes, Blobs and `{data, mediaType}`
 * become bytes with a media type (given, from the Blob, or sniffed; `fallbackType` otherwise).
 */
export async function readMediaInput(input: MediaInput, fallbackType = 'application/octet-stream'): Promise<ResolvedMedia> {
  if (typeof input === 'string') {
    if (input.startsWith('data:')) return { kind: 'bytes', ...parseDataUri(input) };
    return { kind: 'url', url: input };
  }
  if (isBlob(input)) {
    const bytes = new Uint8Array(await input.arrayBuffer());
    return { kind: 'bytes', bytes, mediaType: input.type || sniffMediaType(bytes) || fallbackType };
  }
  if (input instanceof Uint8Array || input instanceof ArrayBuffer) {
    const bytes = toUint8Array(input);
    return { kind: 'bytes', bytes, mediaType: sniffMediaType(bytes) ?? fallbackType };
  }
  const { data, mediaType } = input;
  if (typeof data === 'string') return { kind: 'bytes', bytes: base64ToBytes(data), mediaType };
  if (isBlob(data)) return { kind: 'bytes', bytes: new Uint8Array(await data.arrayBuffer()), mediaType };
  return { kind: 'bytes', bytes: toUint8Array(data), mediaType };
}

/** Byte size of an in-memory media input without reading a Blob; undefined for URLs. */
export function mediaInputByteLength(input: MediaInput): number | undefined {
  if (typeof input === 'string') return input.startsWith('data:') ? dataUriByteLength(input) : undefined;
  if (isBlob(input)) return input.size;
  if (input instanceof Uint8Array || input instanceof ArrayBuffer) return input.byteLength;
  const { data } = input;
  if (typeof data === 'string') return Math.floor((data.length * 3) / 4);
  return isBlob(data) ? data.size : data.byteLength;
}
