import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { sniffMediaType } from '../mapping/media';
import type { MediaBytes } from '../types/media-input';

const EXTENSION_TYPES: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.mp4': 'video/mp4',
  '.mov': 'video/quicktime',
  '.webm': 'video/webm',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.m4a': 'audio/mp4',
};

/**
 * Reads a local file as a `MediaInput` (`{ data, mediaType }`), with the media type taken from
 * the bytes or the extension. Node only: import from `@tarash/core/node`.
 */
export async function readMediaFile(path: string, mediaType?: string): Promise<MediaBytes> {
  const data = new Uint8Array(await readFile(path));
  const type = mediaType ?? sniffMediaType(data) ?? EXTENSION_TYPES[extname(path).toLowerCase()];
  if (!type) throw new TypeError(`readMediaFile: cannot tell the media type of ${path}; pass it as the second argument`);
  return { data, mediaType: type };
}
