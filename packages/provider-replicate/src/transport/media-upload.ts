import { readMediaInput, resolvePendingMedia, toDataUri, type CallContext, type PendingMedia } from '@tarash/core';
import { extensionOfMediaType } from './media-type';
import { callReplicate } from './replicate-api';

/** The file object of `POST /v1/files` (the fields used here). */
interface UploadedFile {
  readonly urls?: { readonly get?: string };
}

/**
 * Turns each media input of a prediction input into what Replicate takes: URLs as they are,
 * small files (up to `inlineMaxBytes`, Replicate recommends 256 KB) as data URIs, larger ones
 * uploaded through the Files API and sent as their `urls.get`.
 */
export async function resolveInputMedia(input: unknown, context: CallContext, base: string, inlineMaxBytes: number): Promise<unknown> {
  return resolvePendingMedia(input, (media) => mediaValue(media, context, base, inlineMaxBytes));
}

async function mediaValue(media: PendingMedia, context: CallContext, base: string, inlineMaxBytes: number): Promise<string> {
  const resolved = await readMediaInput(media.input);
  if (resolved.kind === 'url') return resolved.url;
  if (resolved.bytes.byteLength <= inlineMaxBytes) return toDataUri(resolved.bytes, resolved.mediaType);
  const form = new FormData();
  const fileName = `${media.source.replace(/[^\w.-]+/g, '-')}.${extensionOfMediaType(resolved.mediaType)}`;
  form.append('content', new Blob([resolved.bytes as Uint8Array<ArrayBuffer>], { type: resolved.mediaType }), fileName);
  form.append('filename', fileName);
  form.append('type', resolved.mediaType);
  const { body } = await callReplicate<UploadedFile>(context, { method: 'POST', url: `${base}/files`, body: form, phase: 'upload' });
  const url = body.urls?.get;
  if (typeof url !== 'string') throw new TypeError(`Replicate's file upload answered without urls.get for ${media.source}`);
  return url;
}
