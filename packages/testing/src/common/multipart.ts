/** A file part of a multipart body, summarised (its bytes are kept for handlers that need them). */
export interface MultipartFile {
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  readonly bytes: Uint8Array;
}

/** A parsed `multipart/form-data` body. Repeated names become arrays, in order. */
export interface MultipartBody {
  readonly fields: Readonly<Record<string, string | readonly string[]>>;
  readonly files: Readonly<Record<string, MultipartFile | readonly MultipartFile[]>>;
}

/** The recordable form of a multipart body: file bytes replaced by their name, type and size. */
export interface MultipartSummary {
  readonly fields: Readonly<Record<string, string | readonly string[]>>;
  readonly files: Readonly<Record<string, FileSummary | readonly FileSummary[]>>;
}

/** A file part as recorded. */
export interface FileSummary {
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
}

function append<T>(target: Record<string, T | T[]>, name: string, value: T): void {
  const existing = target[name];
  if (existing === undefined) target[name] = value;
  else if (Array.isArray(existing)) existing.push(value);
  else target[name] = [existing, value];
}

/**
 * Parses a multipart body with the platform's own parser (`Request.formData()`), so the fake
 * servers read exactly what a spec-following server would.
 *
 * @param contentType the request's `Content-Type`, with its `boundary`.
 * @throws TypeError when the body is not valid multipart for that boundary.
 */
export async function parseMultipart(body: Uint8Array, contentType: string): Promise<MultipartBody> {
  // Node's Request takes any Uint8Array; the DOM typings only admit ArrayBuffer-backed ones.
  const form = await new Request('http://fake.invalid/', { method: 'POST', body: body as Uint8Array<ArrayBuffer>, headers: { 'content-type': contentType } }).formData();
  const fields: Record<string, string | string[]> = {};
  const files: Record<string, MultipartFile | MultipartFile[]> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') {
      append(fields, name, value);
    } else {
      const bytes = new Uint8Array(await value.arrayBuffer());
      append(files, name, { fileName: value.name, contentType: value.type || 'application/octet-stream', size: bytes.byteLength, bytes });
    }
  }
  return { fields, files };
}

function summarizeFile(file: MultipartFile): FileSummary {
  return { fileName: file.fileName, contentType: file.contentType, size: file.size };
}

/** Drops the file bytes of a parsed multipart body, for recording. */
export function summarizeMultipart(body: MultipartBody): MultipartSummary {
  const files: Record<string, FileSummary | readonly FileSummary[]> = {};
  for (const [name, value] of Object.entries(body.files)) {
    files[name] = Array.isArray(value) ? value.map(summarizeFile) : summarizeFile(value as MultipartFile);
  }
  return { fields: body.fields, files };
}
