import type { IncomingMessage } from 'node:http';
import { parseMultipart, summarizeMultipart, type MultipartBody, type MultipartSummary } from './multipart';

/** A request body as a handler sees it. */
export type ParsedBody =
  | { readonly kind: 'empty' }
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'invalid-json'; readonly text: string; readonly error: string }
  | { readonly kind: 'multipart'; readonly value: MultipartBody }
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'bytes'; readonly contentType: string; readonly size: number };

/** How a recorded body was read. */
export type RecordedBodyKind = 'empty' | 'json' | 'invalid-json' | 'multipart' | 'text' | 'bytes';

/** A body size summary, recorded instead of binary bytes. */
export interface BytesSummary {
  readonly size: number;
  readonly contentType: string;
}

/**
 * A request body as recorded: `body` is the parsed JSON value (`json`), a
 * {@link MultipartSummary} (`multipart`), the text cut to 4 KiB (`text`, `invalid-json`), a
 * {@link BytesSummary} (`bytes`), or undefined (`empty`).
 */
export interface RecordedBody {
  readonly bodyKind: RecordedBodyKind;
  readonly body: unknown;
}

/** Thrown when a body is larger than the server accepts. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Request body exceeds the fake server's limit of ${limit} bytes.`);
    this.name = 'BodyTooLargeError';
  }
}

/** Reads a whole request body, failing once it passes `limit` bytes. */
export async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.byteLength;
    if (size > limit) throw new BodyTooLargeError(limit);
    chunks.push(buffer);
  }
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
}

const TEXT_RECORD_LIMIT = 4_096;

/** Parses a body by its content type (JSON is also recognised by its first character). */
export async function parseBody(raw: Buffer, contentType: string): Promise<ParsedBody> {
  if (raw.byteLength === 0) return { kind: 'empty' };
  const type = contentType.toLowerCase();
  if (type.startsWith('multipart/form-data')) {
    return { kind: 'multipart', value: await parseMultipart(raw, contentType) };
  }
  const looksJson = type.includes('json') || (type === '' && /^\s*[[{]/.test(raw.subarray(0, 16).toString('latin1')));
  if (looksJson) {
    const text = raw.toString('utf8');
    try {
      return { kind: 'json', value: JSON.parse(text) as unknown };
    } catch (error) {
      return { kind: 'invalid-json', text, error: (error as Error).message };
    }
  }
  if (type.startsWith('text/') || type.includes('x-www-form-urlencoded')) return { kind: 'text', value: raw.toString('utf8') };
  return { kind: 'bytes', contentType: contentType || 'application/octet-stream', size: raw.byteLength };
}

/** The recordable form of a parsed body (bounded: large texts are cut, file bytes dropped). */
export function recordBody(body: ParsedBody): RecordedBody {
  switch (body.kind) {
    case 'empty':
      return { bodyKind: 'empty', body: undefined };
    case 'json':
      return { bodyKind: 'json', body: body.value };
    case 'invalid-json':
      return { bodyKind: 'invalid-json', body: body.text.slice(0, TEXT_RECORD_LIMIT) };
    case 'multipart':
      return { bodyKind: 'multipart', body: summarizeMultipart(body.value) };
    case 'text':
      return { bodyKind: 'text', body: body.value.slice(0, TEXT_RECORD_LIMIT) };
    case 'bytes': {
      const summary: BytesSummary = { size: body.size, contentType: body.contentType };
      return { bodyKind: 'bytes', body: summary };
    }
  }
}
