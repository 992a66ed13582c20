import { randomUUID } from 'node:crypto';

/** A file held by a fake server (an upload). */
export interface StoredFile {
  readonly id: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
  readonly storedAt: number;
}

/** In-memory file storage for uploads, served back from the fake server's origin. */
export class FileStore {
  readonly #files = new Map<string, StoredFile>();

  /** Stores bytes under `id` (a new one by default) and returns the stored file. */
  put(bytes: Uint8Array, contentType: string, fileName: string, id: string = randomUUID()): StoredFile {
    const file: StoredFile = { id, fileName, contentType, bytes, storedAt: Date.now() };
    this.#files.set(file.id, file);
    return file;
  }

  /** The file stored under `id`, if any. */
  get(id: string): StoredFile | undefined {
    return this.#files.get(id);
  }

  /** Every stored file, oldest first. */
  list(): StoredFile[] {
    return [...this.#files.values()];
  }
}
