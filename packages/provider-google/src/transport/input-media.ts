import { bytesToBase64, readMediaInput, sendProviderRequest, sniffMediaType, ValidationError, type CallContext, type PendingMedia } from '@tarash/core';
import type { GoogleSettings } from '../config/google-provider-config';

/** An input read for Google: bytes, a Cloud Storage URI (Vertex AI), or a web URL. */
export type GoogleInput =
  | { readonly kind: 'bytes'; readonly base64: string; readonly mediaType: string }
  | { readonly kind: 'gcs'; readonly uri: string; readonly mediaType: string | undefined }
  | { readonly kind: 'url'; readonly url: string };

const EXTENSION_TYPES: Readonly<Record<string, string>> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', webp: 'image/webp', gif: 'image/gif', mp4: 'video/mp4', mov: 'video/quicktime', webm: 'video/webm' };

/** The media type a file name's extension suggests. */
function typeFromName(name: string): string | undefined {
  return EXTENSION_TYPES[/\.([a-z0-9]+)(?:[?#].*)?$/i.exec(name)?.[1]?.toLowerCase() ?? ''];
}

/** Checks that an input is the kind of media its field expects, naming the input otherwise. */
function checkedType(media: PendingMedia, mediaType: string, context: CallContext): string {
  const type = mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type.startsWith(`${media.kind}/`)) return type;
  throw new ValidationError({
    provider: context.provider,
    model: context.model,
    phase: 'upload',
    issues: [{ field: media.source, value: type || 'unknown', message: `must be ${media.kind === 'image' ? 'an image' : `a ${media.kind}`}; pass { data, mediaType } when the type cannot be detected` }],
  });
}

/** Reads an input: bytes and data URIs become base64, `gs://` stays a URI, other URLs stay URLs. */
export async function readGoogleInput(media: PendingMedia, context: CallContext): Promise<GoogleInput> {
  const read = await readMediaInput(media.input);
  if (read.kind === 'bytes') return { kind: 'bytes', base64: bytesToBase64(read.bytes), mediaType: checkedType(media, read.mediaType, context) };
  if (read.url.startsWith('gs://')) return { kind: 'gcs', uri: read.url, mediaType: typeFromName(read.url) };
  return { kind: 'url', url: read.url };
}

/** Downloads a web URL input (without any Google credentials) so it can be sent inline. */
export async function downloadInput(media: PendingMedia, url: string, context: CallContext): Promise<Extract<GoogleInput, { kind: 'bytes' }>> {
  const response = await sendProviderRequest(context, { method: 'GET', url, phase: 'upload' });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const mediaType = response.headers.get('content-type') ?? sniffMediaType(bytes) ?? typeFromName(url) ?? '';
  return { kind: 'bytes', base64: bytesToBase64(bytes), mediaType: checkedType(media, mediaType, context) };
}

/** Bytes or a Cloud Storage URI; a web URL is downloaded first (Google's image fields take no URLs). */
export async function readInlineOrCloudStorage(media: PendingMedia, context: CallContext): Promise<Exclude<GoogleInput, { kind: 'url' }>> {
  const input = await readGoogleInput(media, context);
  return input.kind === 'url' ? downloadInput(media, input.url, context) : input;
}

/** A Google `Image` (Veo `image`, `lastFrame`, reference images): base64 bytes, or `gcsUri` on Vertex AI. */
export async function toGoogleImage(media: PendingMedia, context: CallContext): Promise<Record<string, string>> {
  const input = await readInlineOrCloudStorage(media, context);
  if (input.kind === 'bytes') return { bytesBase64Encoded: input.base64, mimeType: input.mediaType };
  return { gcsUri: input.uri, ...(input.mediaType ? { mimeType: input.mediaType } : {}) };
}

/**
 * A Veo input `video` (extension). The Gemini API takes the `uri` of a video it made (passed
 * through as given) or `encodedVideo`; Vertex AI takes `gcsUri` or `bytesBase64Encoded`, so a
 * web URL is downloaded for it.
 */
export async function toGoogleVideo(media: PendingMedia, settings: GoogleSettings, context: CallContext): Promise<Record<string, string>> {
  const read = await readGoogleInput(media, context);
  if (settings.api === 'gemini') {
    // prepare refused gs:// on the Gemini API, so anything but bytes is a web URL.
    return read.kind === 'bytes' ? { encodedVideo: read.base64, encoding: read.mediaType } : { uri: read.kind === 'url' ? read.url : read.uri };
  }
  const input = read.kind === 'url' ? await downloadInput(media, read.url, context) : read;
  if (input.kind === 'bytes') return { bytesBase64Encoded: input.base64, mimeType: input.mediaType };
  return { gcsUri: input.uri, ...(input.mediaType ? { mimeType: input.mediaType } : {}) };
}

/** A `generateContent` part: `inlineData`, or `fileData` for a Cloud Storage URI on Vertex AI. */
export async function toGeminiPart(media: PendingMedia, context: CallContext): Promise<Record<string, unknown>> {
  const input = await readInlineOrCloudStorage(media, context);
  if (input.kind === 'bytes') return { inlineData: { mimeType: input.mediaType, data: input.base64 } };
  return { fileData: { fileUri: input.uri, ...(input.mediaType ? { mimeType: input.mediaType } : {}) } };
}
