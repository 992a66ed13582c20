import { createHash, randomUUID } from 'node:crypto';
import { FileStore, type StoredFile } from '../common/file-store';

interface PendingUpload {
  /** Stands in for the signature of a signed upload URL: the PUT must carry it. */
  readonly token: string;
  readonly contentType: string;
  readonly fileName: string;
  readonly multipart: boolean;
  readonly parts: Map<number, { readonly bytes: Uint8Array; readonly etag: string }>;
}

/** Answer of an upload initiation. */
export interface FalUploadTarget {
  readonly uploadId: string;
  readonly token: string;
  readonly fileName: string;
}

/** Why an upload step was refused (mapped to an HTTP status by the server). */
export class FalStorageError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'FalStorageError';
  }
}

/**
 * fal CDN storage (fal-js `storage.ts`): an upload is initiated with a content type and file
 * name, its bytes are PUT to the upload URL (whole, or in numbered parts then completed), and
 * the file is served at its file URL afterwards.
 */
export class FalStorage {
  readonly files = new FileStore();
  readonly #pending = new Map<string, PendingUpload>();

  /** Starts an upload; `multipart` for the part-by-part flow. */
  initiate(contentType: string, fileName: string, multipart: boolean): FalUploadTarget {
    const uploadId = randomUUID();
    const token = randomUUID().replaceAll('-', '');
    this.#pending.set(uploadId, { token, contentType, fileName, multipart, parts: new Map() });
    return { uploadId, token, fileName };
  }

  /** Receives the whole file of a single-part upload. */
  putWhole(uploadId: string, token: string | null, bytes: Uint8Array, contentType: string | undefined): StoredFile {
    const pending = this.#pendingUpload(uploadId, token);
    if (pending.multipart) throw new FalStorageError(400, `Upload ${uploadId} is multipart: PUT its parts to <upload_url>/<partNumber>.`);
    this.#pending.delete(uploadId);
    return this.files.put(bytes, contentType || pending.contentType, pending.fileName, uploadId);
  }

  /** Receives one numbered part of a multipart upload; returns its etag. */
  putPart(uploadId: string, token: string | null, partNumber: number, bytes: Uint8Array): { partNumber: number; etag: string } {
    const pending = this.#pendingUpload(uploadId, token);
    if (!pending.multipart) throw new FalStorageError(400, `Upload ${uploadId} is not multipart: PUT the whole file to its upload_url.`);
    if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > 10_000) {
      throw new FalStorageError(400, `partNumber must be an integer from 1 to 10000; got ${JSON.stringify(String(partNumber))}.`);
    }
    const etag = `"${createHash('md5').update(bytes).digest('hex')}"`;
    pending.parts.set(partNumber, { bytes, etag });
    return { partNumber, etag };
  }

  /** Assembles a multipart upload from the listed parts, in part order. */
  complete(uploadId: string, token: string | null, parts: unknown): StoredFile {
    const pending = this.#pendingUpload(uploadId, token);
    if (!Array.isArray(parts) || parts.length === 0) throw new FalStorageError(400, 'parts must be a non-empty array of { partNumber, etag }.');
    const chunks: Uint8Array[] = [];
    const ordered = [...parts].sort((a, b) => Number((a as { partNumber: unknown }).partNumber) - Number((b as { partNumber: unknown }).partNumber));
    for (const part of ordered) {
      const { partNumber, etag } = (part ?? {}) as { partNumber?: unknown; etag?: unknown };
      const stored = pending.parts.get(Number(partNumber));
      if (!stored) throw new FalStorageError(400, `part ${JSON.stringify(partNumber)} was never uploaded.`);
      if (stored.etag !== etag) throw new FalStorageError(400, `part ${String(partNumber)} has etag ${stored.etag}; got ${JSON.stringify(etag)}.`);
      chunks.push(stored.bytes);
    }
    this.#pending.delete(uploadId);
    return this.files.put(Buffer.concat(chunks), pending.contentType, pending.fileName, uploadId);
  }

  #pendingUpload(uploadId: string, token: string | null): PendingUpload {
    const pending = this.#pending.get(uploadId);
    if (!pending) throw new FalStorageError(404, `No upload ${uploadId} is waiting for bytes (initiate it first, or it was already completed).`);
    if (token !== pending.token) throw new FalStorageError(403, 'The upload URL signature is missing or wrong: use upload_url exactly as returned, query string included.');
    return pending;
  }
}
