import { createHash, randomBytes } from 'node:crypto';
import type { MultipartBody, MultipartFile } from '../common/multipart';

/** A file uploaded through the Files API. */
export interface ReplicateFile {
  readonly id: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly sha256: string;
  readonly createdAt: number;
  readonly expiresAt: number;
}

/** Why an upload was refused: the status and the problem detail. */
export class ReplicateFileError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    message: string,
  ) {
    super(message);
    this.name = 'ReplicateFileError';
  }
}

/** Files expire a day after upload (Replicate's documented lifetime). */
const FILE_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** The fields of a `POST /v1/files` body, read from its parts (wire.md §2.5). */
export interface FileUploadFields {
  readonly content: MultipartFile;
  readonly filename: string | undefined;
  readonly type: string | undefined;
  readonly metadata: Record<string, unknown>;
}

function single<T>(value: T | readonly T[] | undefined): T | undefined {
  return Array.isArray(value) ? (value[0] as T | undefined) : (value as T | undefined);
}

/**
 * Reads an upload's parts. `metadata` may come as a text field or, as replicate-javascript
 * sends it, as a JSON file part.
 */
export function readFileUpload(body: MultipartBody): FileUploadFields {
  const content = single(body.files.content);
  if (!content) throw new ReplicateFileError(422, 'Invalid file', 'The multipart part "content" (the file) is required.');
  const metadataText = single(body.fields.metadata) ?? (single(body.files.metadata) ? Buffer.from((single(body.files.metadata) as MultipartFile).bytes).toString('utf8') : undefined);
  let metadata: unknown = {};
  if (metadataText !== undefined && metadataText !== '') {
    try {
      metadata = JSON.parse(metadataText);
    } catch {
      throw new ReplicateFileError(422, 'Invalid metadata', `"metadata" must be a JSON object; got ${JSON.stringify(metadataText.slice(0, 80))}.`);
    }
  }
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    throw new ReplicateFileError(422, 'Invalid metadata', '"metadata" must be a JSON object.');
  }
  return { content, filename: single(body.fields.filename), type: single(body.fields.type), metadata: metadata as Record<string, unknown> };
}

/** In-memory storage of the Files API. */
export class ReplicateFileStore {
  readonly #files = new Map<string, ReplicateFile>();

  constructor(readonly maxBytes: number) {}

  /** Stores an upload; a file over the limit is a 413, as Replicate answers. */
  put(fields: FileUploadFields): ReplicateFile {
    if (fields.content.size > this.maxBytes) {
      throw new ReplicateFileError(413, 'Content Too Large', `Files must be less than ${Math.floor(this.maxBytes / (1024 * 1024))}MB in size`);
    }
    const createdAt = Date.now();
    const file: ReplicateFile = {
      id: randomBytes(13).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, 'x'),
      fileName: fields.filename ?? fields.content.fileName,
      contentType: fields.type ?? fields.content.contentType,
      bytes: fields.content.bytes,
      metadata: fields.metadata,
      sha256: createHash('sha256').update(fields.content.bytes).digest('hex'),
      createdAt,
      expiresAt: createdAt + FILE_LIFETIME_MS,
    };
    this.#files.set(file.id, file);
    return file;
  }

  get(id: string): ReplicateFile | undefined {
    return this.#files.get(id);
  }

  delete(id: string): boolean {
    return this.#files.delete(id);
  }

  /** Every file, newest first (as the list endpoint returns them). */
  list(): ReplicateFile[] {
    return [...this.#files.values()].reverse();
  }
}

/** The file object of `POST /v1/files` and `GET /v1/files/{id}`. */
export function fileBody(origin: string, file: ReplicateFile): Record<string, unknown> {
  return {
    id: file.id,
    name: file.fileName,
    content_type: file.contentType,
    size: file.bytes.byteLength,
    etag: file.sha256.slice(0, 32),
    checksums: { sha256: file.sha256 },
    metadata: file.metadata,
    created_at: new Date(file.createdAt).toISOString(),
    expires_at: new Date(file.expiresAt).toISOString(),
    urls: { get: `${origin}/v1/files/${file.id}` },
  };
}
