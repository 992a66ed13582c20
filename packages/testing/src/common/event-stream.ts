import type { ServerResponse } from 'node:http';

/** Settings of one server-sent event stream. */
export interface EventStreamOptions {
  /** Interval of `:` comment lines that keep proxies from closing an idle stream. */
  readonly keepAliveMs: number;
  /** Destroy the socket after this many events (an injected `drop-stream` fault). */
  readonly dropAfterEvents?: number;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * A `text/event-stream` response: `data:` events, keep-alive comments, and a clean end or an
 * abrupt drop. Writes go straight to the socket so each event leaves the moment it is sent.
 */
export class EventStream {
  readonly #response: ServerResponse;
  readonly #dropAfter: number | undefined;
  readonly #keepAlive: NodeJS.Timeout;
  readonly #closeListeners: (() => void)[] = [];
  #sent = 0;
  #closed = false;

  constructor(response: ServerResponse, options: EventStreamOptions) {
    this.#response = response;
    this.#dropAfter = options.dropAfterEvents;
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      ...options.headers,
    });
    response.flushHeaders();
    response.socket?.setNoDelay(true);
    this.#keepAlive = setInterval(() => this.comment('keep-alive'), options.keepAliveMs);
    this.#keepAlive.unref();
    response.once('close', () => this.#markClosed());
    if (this.#dropAfter === 0) this.drop();
  }

  /** Whether the stream has ended (cleanly, dropped, or by the client). */
  get closed(): boolean {
    return this.#closed;
  }

  /** How many events were sent. */
  get sentEvents(): number {
    return this.#sent;
  }

  /** Runs `listener` once when the stream ends for any reason. */
  onClose(listener: () => void): void {
    if (this.#closed) listener();
    else this.#closeListeners.push(listener);
  }

  /** Sends one `data:` event (JSON unless a string). Returns false once the stream is closed. */
  send(data: unknown, event?: string): boolean {
    if (this.#closed) return false;
    const text = typeof data === 'string' ? data : JSON.stringify(data);
    const lines = text.split(/\r\n|\r|\n/).map((line) => `data: ${line}\n`).join('');
    this.#response.write(`${event ? `event: ${event}\n` : ''}${lines}\n`);
    this.#sent += 1;
    if (this.#dropAfter !== undefined && this.#sent >= this.#dropAfter) this.drop();
    return true;
  }

  /** Writes a comment line (ignored by clients). */
  comment(text: string): void {
    if (!this.#closed) this.#response.write(`: ${text}\n\n`);
  }

  /** Ends the stream cleanly. */
  end(): void {
    if (this.#closed) return;
    this.#response.end();
    this.#markClosed();
  }

  /**
   * Ends the stream abruptly, as a dropped connection: what was written still arrives, then
   * the socket closes without the chunked body's terminator, so the client sees a broken stream.
   */
  drop(): void {
    if (this.#closed) return;
    this.#markClosed();
    const socket = this.#response.socket;
    if (socket) socket.end(() => socket.destroy());
    else this.#response.destroy();
  }

  #markClosed(): void {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#keepAlive);
    for (const listener of this.#closeListeners.splice(0)) listener();
  }
}
