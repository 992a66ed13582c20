import {
  HTTPError,
  PendingMedia,
  readMediaInput,
  sendProviderRequest,
  sniffMediaType,
  ValidationError,
  type CallContext,
  type ErrorPhase,
} from '@tarash/core';
import type { StabilityFormBody } from '../mapping/form-field-rules';
import { readBodyBytes } from './read-body-bytes';
import { STABILITY_MAX_REQUEST_BYTES } from '../models/stability-values';

/** An image part, read into memory. */
export interface FormFile {
  readonly field: string;
  /** Where it came from in the standard request, e.g. `imageList[0]`. */
  readonly source: string;
  readonly bytes: Uint8Array;
  readonly mediaType: string;
}

/** A multipart body ready to send, and its files (for checks on their content). */
export interface StabilityForm {
  readonly form: FormData;
  readonly files: readonly FormFile[];
}

const EXTENSIONS: Readonly<Record<string, string>> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

/** Downloads an input image given as a URL (Stability takes uploads only). The API key is not sent. */
async function download(url: string, source: string, context: CallContext, phase: ErrorPhase): Promise<{ bytes: Uint8Array; mediaType: string }> {
  const response = await sendProviderRequest(context, {
    method: 'GET',
    url,
    phase,
    toError: (failure) =>
      failure.status >= 500 || failure.status === 429
        ? new HTTPError({ provider: context.provider, model: context.model, phase, statusCode: failure.status, message: `downloading ${source} from ${new URL(url).host} failed with HTTP ${failure.status}` })
        : new ValidationError({ provider: context.provider, model: context.model, issues: [{ field: source, value: url, message: `could not be downloaded (HTTP ${failure.status})` }] }),
  });
  const bytes = await readBodyBytes(response, context, phase);
  return { bytes, mediaType: response.headers.get('content-type')?.split(';')[0]?.trim() ?? 'application/octet-stream' };
}

async function readFile(media: PendingMedia, field: string, context: CallContext, phase: ErrorPhase, allowedTypes: readonly string[]): Promise<FormFile> {
  const invalid = (message: string, allowed?: readonly string[]) =>
    new ValidationError({ provider: context.provider, model: context.model, issues: [{ field: media.source, value: media.input, message, ...(allowed ? { allowed } : {}) }] });
  if (typeof media.input === 'string' && media.input.startsWith('gs://')) throw invalid(`${context.provider} takes image uploads; a gs:// URI cannot be read here`);
  const resolved = await readMediaInput(media.input);
  const { bytes, mediaType: declared } = resolved.kind === 'url' ? await download(resolved.url, media.source, context, phase) : resolved;
  const mediaType = sniffMediaType(bytes) ?? declared;
  if (!allowedTypes.includes(mediaType)) throw invalid(`must be a ${allowedTypes.map((t) => t.replace('image/', '').toUpperCase()).join(', ')} image; got ${mediaType}`, allowedTypes);
  return { field, source: media.source, bytes, mediaType };
}

/**
 * Builds the multipart body of a prepared request: text fields as strings, images read from
 * bytes, Blobs, data URIs or downloaded URLs. Fails before sending when an image is not one of
 * `allowedTypes` or the request would pass Stability's 10 MiB limit.
 */
export async function buildStabilityForm(body: StabilityFormBody, context: CallContext, phase: ErrorPhase, allowedTypes: readonly string[]): Promise<StabilityForm> {
  const form = new FormData();
  const files: FormFile[] = [];
  let size = 0;
  for (const [field, value] of Object.entries(body)) {
    if (value instanceof PendingMedia) {
      const file = await readFile(value, field, context, phase, allowedTypes);
      files.push(file);
      size += file.bytes.byteLength;
      form.append(field, new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.mediaType }), `${field}.${EXTENSIONS[file.mediaType] ?? 'bin'}`);
    } else {
      const text = String(value);
      size += text.length;
      form.append(field, text);
    }
  }
  const largest = [...files].sort((a, b) => b.bytes.byteLength - a.bytes.byteLength)[0];
  if (size > STABILITY_MAX_REQUEST_BYTES && largest) {
    throw new ValidationError({
      provider: context.provider,
      model: context.model,
      issues: [{ field: largest.source, value: largest.bytes, message: `makes the request ${size} bytes; ${context.provider} takes at most ${STABILITY_MAX_REQUEST_BYTES} bytes (downscale or compress it)` }],
    });
  }
  return { form, files };
}
