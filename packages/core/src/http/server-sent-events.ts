/** One server-sent event. */
export interface ServerSentEvent {
  readonly event: string;
  readonly data: string;
  readonly id?: string;
  readonly retry?: number;
}

/** Options of {@link parseServerSentEvents}. */
export interface ParseServerSentEventsOptions {
  /** Called for every chunk read, keep-alive comments included (e.g. to reset an idle timer). */
  readonly onChunk?: () => void;
}

/**
 * Parses a `text/event-stream` body into events (per the HTML spec: `data:` lines joined with
 * newlines, `event:`, `id:`, `retry:`, comment lines ignored). Ends when the stream ends.
 */
export async function* parseServerSentEvents(stream: ReadableStream<Uint8Array>, options: ParseServerSentEventsOptions = {}): AsyncGenerator<ServerSentEvent> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let data: string[] = [];
  let event = '';
  let id: string | undefined;
  let retry: number | undefined;
  let finished = false;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      finished = done;
      if (!done) options.onChunk?.();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      // Lines end at CRLF, CR or LF. The next CR and the next LF are each searched for again
      // only once the scan has passed them, and the buffer is cut once per chunk, not per line.
      let start = 0;
      let cr = buffer.indexOf('\r');
      let lf = buffer.indexOf('\n');
      for (;;) {
        if (cr !== -1 && cr < start) cr = buffer.indexOf('\r', start);
        if (lf !== -1 && lf < start) lf = buffer.indexOf('\n', start);
        const end = cr === -1 ? lf : lf === -1 ? cr : Math.min(cr, lf);
        if (end === -1) break;
        const line = buffer.slice(start, end);
        start = end === cr && lf === cr + 1 ? end + 2 : end + 1;
        if (line === '') {
          if (data.length > 0) {
            yield { event: event || 'message', data: data.join('\n'), ...(id !== undefined ? { id } : {}), ...(retry !== undefined ? { retry } : {}) };
          }
          data = [];
          event = '';
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const raw = colon < 0 ? '' : line.slice(colon + 1);
        const fieldValue = raw.startsWith(' ') ? raw.slice(1) : raw;
        if (field === 'data') data.push(fieldValue);
        else if (field === 'event') event = fieldValue;
        else if (field === 'id') id = fieldValue;
        else if (field === 'retry' && /^\d+$/.test(fieldValue)) retry = Number(fieldValue);
      }
      buffer = buffer.slice(start);
      if (done) break;
    }
  } finally {
    // An early exit (consumer break, abort) must close the connection, not just stop reading.
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
