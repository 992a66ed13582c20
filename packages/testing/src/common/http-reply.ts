import type { ServerResponse } from 'node:http';

/** A complete response a route handler returns. */
export interface HttpReply {
  readonly status: number;
  /** A string or bytes are sent as is; anything else is sent as JSON. Omit for no body. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A JSON reply. */
export function jsonReply(status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): HttpReply {
  return { status, body, headers: { 'content-type': 'application/json', ...headers } };
}

/** A reply carrying bytes of the given media type. */
export function bytesReply(status: number, bytes: Uint8Array, contentType: string, headers: Readonly<Record<string, string>> = {}): HttpReply {
  return { status, body: bytes, headers: { 'content-type': contentType, ...headers } };
}

/** Writes a reply to a Node response (ignored when the client is already gone). */
export function writeReply(response: ServerResponse, reply: HttpReply): void {
  if (response.destroyed || response.headersSent) return;
  let payload: string | Uint8Array | undefined;
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.body === undefined) {
    payload = undefined;
  } else if (typeof reply.body === 'string' || reply.body instanceof Uint8Array) {
    payload = reply.body;
  } else {
    payload = JSON.stringify(reply.body);
    headers['content-type'] ??= 'application/json';
  }
  headers['content-length'] = String(payload === undefined ? 0 : typeof payload === 'string' ? Buffer.byteLength(payload) : payload.byteLength);
  response.writeHead(reply.status, headers);
  response.end(payload);
}
