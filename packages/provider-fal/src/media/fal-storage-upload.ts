import { pollDelay, readBodyLenient, sleep, TarashError, type CallContext, retryAfterOf, withRequestTimeout } from '@tarash/core';
import * as z from 'zod/mini';
import type { FalSettings } from '../config/fal-settings';
import { appendUrlPath, fetchFalJson, sendFalRequest, unreadableFalBody } from '../http/fal-http';

/** A file to put in fal storage. */
export interface FalUploadFile {
  readonly bytes: Uint8Array;
  readonly mediaType: string;
  readonly fileName: string;
}

/** Tries per upload step; uploads are not paid jobs, so transient failures are simply retried. */
const UPLOAD_ATTEMPTS = 3;
const UPLOAD_RETRY_MS = 200;
/** A transfer may take its request timeout plus the time to send its bytes at 128 KiB/s. */
const SLOWEST_BYTES_PER_MS = (128 * 1024) / 1000;

const initiateSchema = z.looseObject({ upload_url: z.url(), file_url: z.url() });
const partSchema = z.looseObject({ partNumber: z.number().check(z.int(), z.positive()), etag: z.string() });

async function withRetries<T>(context: CallContext, step: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      const transient = error instanceof TarashError && error.isRetryable && !context.signal.aborted;
      if (!transient || attempt >= UPLOAD_ATTEMPTS) throw error;
      await sleep(retryAfterOf(error) ?? pollDelay(attempt - 1, UPLOAD_RETRY_MS), context.signal);
    }
  }
}

/** PUTs bytes to a signed upload URL (no Authorization: the signature is the credential); returns the answer body. */
function putBytes(context: CallContext, settings: FalSettings, url: string, bytes: Uint8Array, mediaType: string): Promise<unknown> {
  const timeoutMs = settings.requestTimeoutMs + Math.ceil(bytes.byteLength / SLOWEST_BYTES_PER_MS);
  return withRequestTimeout(context, 'upload', timeoutMs, async (signal) => {
    const request = { method: 'PUT', url, body: bytes as Uint8Array<ArrayBuffer>, headers: { 'Content-Type': mediaType }, phase: 'upload', auth: false } as const;
    return readBodyLenient(await sendFalRequest(context, request, signal));
  });
}

/**
 * Uploads a file to fal storage (wire.md §1.9, fal-js `storage.ts`) and returns its `file_url`:
 * `POST {rest}/storage/upload/initiate?storage_type=fal-cdn-v3`, then `PUT` the bytes to the
 * signed `upload_url`. Files above `multipartThresholdBytes` use `initiate-multipart`, numbered
 * part PUTs and a `complete` call. Each step is retried on transient failures.
 */
export async function uploadToFalStorage(context: CallContext, settings: FalSettings, file: FalUploadFile): Promise<string> {
  const multipart = file.bytes.byteLength > settings.multipartThresholdBytes;
  const initiateUrl = `${settings.restUrl}/storage/upload/initiate${multipart ? '-multipart' : ''}?storage_type=fal-cdn-v3`;
  const initiated = await withRetries(context, () =>
    fetchFalJson<unknown>(context, { method: 'POST', url: initiateUrl, json: { content_type: file.mediaType, file_name: file.fileName }, phase: 'upload' }, settings.requestTimeoutMs),
  );
  const target = z.safeParse(initiateSchema, initiated.body);
  if (!target.success) throw unreadableFalBody(context, 'upload', 'an upload answer without upload_url/file_url', initiated.body);
  const { upload_url: uploadUrl, file_url: fileUrl } = target.data;
  if (!multipart) {
    await withRetries(context, () => putBytes(context, settings, uploadUrl, file.bytes, file.mediaType));
    return fileUrl;
  }
  const parts: z.infer<typeof partSchema>[] = [];
  for (let offset = 0, partNumber = 1; offset < file.bytes.byteLength; offset += settings.multipartPartBytes, partNumber++) {
    const chunk = file.bytes.subarray(offset, offset + settings.multipartPartBytes);
    const answer = await withRetries(context, () => putBytes(context, settings, appendUrlPath(uploadUrl, String(partNumber)), chunk, file.mediaType));
    const part = z.safeParse(partSchema, answer);
    if (!part.success) throw unreadableFalBody(context, 'upload', `an unreadable answer to part ${partNumber}`, answer);
    parts.push({ partNumber: part.data.partNumber, etag: part.data.etag });
  }
  await withRetries(context, () =>
    fetchFalJson<unknown>(context, { method: 'POST', url: appendUrlPath(uploadUrl, 'complete'), json: { parts }, phase: 'upload', auth: false }, settings.requestTimeoutMs),
  );
  return fileUrl;
}
