import { mediaInputByteLength, readMediaInput, resolvePendingMedia, toDataUri, type CallContext, type PendingMedia } from '@tarash/core';
import type { FalSettings } from '../config/fal-settings';
import { uploadToFalStorage } from './fal-storage-upload';

const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'video/quicktime': 'mov',
  'audio/mpeg': 'mp3',
  'audio/wav': 'wav',
  'audio/mp4': 'm4a',
};

/** A storage file name for a media input, e.g. `imageList-0.png` (fal keeps the extension). */
function fileNameFor(media: PendingMedia, mediaType: string): string {
  const stem = media.source.replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '') || media.kind;
  return `${stem}.${EXTENSIONS[mediaType] ?? 'bin'}`;
}

/**
 * What fal receives for one media input: an http(s) URL as given; media up to
 * `inlineMediaMaxBytes` as a `data:` URI (fal accepts them in every `*_url` field); anything
 * larger uploaded to fal storage and sent as its URL.
 */
async function falMediaValue(media: PendingMedia, context: CallContext, settings: FalSettings): Promise<string> {
  const { input } = media;
  if (typeof input === 'string' && !input.startsWith('data:')) return input;
  const size = mediaInputByteLength(input);
  if (typeof input === 'string' && size !== undefined && size <= settings.inlineMediaMaxBytes) return input;
  const read = await readMediaInput(input);
  if (read.kind === 'url') return read.url;
  if (read.bytes.byteLength <= settings.inlineMediaMaxBytes) return toDataUri(read.bytes, read.mediaType);
  return uploadToFalStorage(context, settings, { bytes: read.bytes, mediaType: read.mediaType, fileName: fileNameFor(media, read.mediaType) });
}

/** Replaces every `PendingMedia` of a mapped body with what fal receives (uploads run in parallel). */
export function resolveFalMedia<T>(body: T, context: CallContext, settings: FalSettings): Promise<T> {
  return resolvePendingMedia(body, (media) => falMediaValue(media, context, settings));
}
