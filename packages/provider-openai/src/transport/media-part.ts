import { readMediaInput, sendProviderRequest, type CallContext, type PendingMedia } from '@tarash/core';

const EXTENSIONS: Readonly<Record<string, string>> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'image/gif': 'gif', 'video/mp4': 'mp4' };

/** A media input ready to be a multipart file part. */
export interface MediaPart {
  readonly blob: Blob;
  readonly fileName: string;
}

/**
 * Reads a pending media input into a file part. Bytes, Blobs and data URIs are used as they
 * are; an http(s) URL is downloaded first with the call's `fetch` (without OpenAI credentials),
 * since multipart uploads need the bytes.
 */
export async function mediaPart(media: PendingMedia, context: CallContext, baseName: string): Promise<MediaPart> {
  const resolved = await readMediaInput(media.input, media.kind === 'image' ? 'image/png' : 'application/octet-stream');
  let bytes: Uint8Array;
  let mediaType: string;
  if (resolved.kind === 'url') {
    const response = await sendProviderRequest(context, { method: 'GET', url: resolved.url, phase: 'upload' });
    bytes = new Uint8Array(await response.arrayBuffer());
    mediaType = response.headers.get('content-type')?.split(';')[0]?.trim() || 'image/png';
  } else {
    ({ bytes, mediaType } = resolved);
  }
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mediaType });
  return { blob, fileName: `${baseName}.${EXTENSIONS[mediaType] ?? 'bin'}` };
}

/** Appends a body's scalar fields to a form as strings (multipart has no numbers or booleans). */
export function appendFields(form: FormData, fields: Readonly<Record<string, unknown>>): void {
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined || value === null) continue;
    form.append(name, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
}
