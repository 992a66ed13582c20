import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { EventStream } from './event-stream';
import { FaultInjector, type Fault, type FaultHandle, type FaultRule } from './faults';
import { jsonReply, writeReply, type HttpReply } from './http-reply';
import { Redactor } from './redaction';
import { BodyTooLargeError, parseBody, readBody, recordBody, type ParsedBody } from './request-body';
import { RequestRecorder, type RecordedRequest, type RecordingOptions, type RequestFilter } from './request-recorder';
import { Router, type RouteParams } from './router';

/** Longest delay `setTimeout` honours. */
const MAX_TIMER_DELAY_MS = 2_147_483_647;

/** Settings shared by every fake server. */
export interface FakeServerOptions {
  /** Port to listen on (default 0: a free port chosen by the system). */
  readonly port?: number;
  readonly recording?: RecordingOptions;
  /** Largest accepted request body (default 256 MiB). */
  readonly maxBodyBytes?: number;
  /** Interval of keep-alive comments on event streams (default 15 000 ms). */
  readonly streamKeepAliveMs?: number;
}

/** The address of a started fake server. */
export interface RunningServer {
  /** The origin, e.g. `http://127.0.0.1:54321` (no trailing slash). */
  readonly url: string;
  readonly port: number;
  /** Stops the server and destroys every open connection (streams, hung requests). */
  close(): Promise<void>;
}

/** What a provider server declares about itself to the base. */
export interface FakeServerProtocol<TPhase extends string> {
  /** Provider name, used in messages. */
  readonly name: string;
  /** Every protocol phase (fault targets and recording labels). */
  readonly phases: readonly TPhase[];
  /** Phases answered with an event stream. */
  readonly streamingPhases?: readonly TPhase[];
  /** Exact secrets (API keys) to redact wherever they appear in recordings. */
  readonly secrets?: readonly string[];
  /** The reply for a request no route matches (default 404 `{"error":"not found"}`). */
  readonly notFound?: (context: { readonly method: string; readonly path: string }) => HttpReply;
}

/** How a route takes part in recording and fault injection. */
export interface RouteOptions<TPhase extends string> {
  /** The protocol phase; routes without one (e.g. a key set) get no faults. */
  readonly phase?: TPhase;
  /** The path parameter that holds the job id, for per-job faults and recordings. */
  readonly jobIdParam?: string;
}

/** Everything a route handler gets about one request. */
export interface RequestContext<TPhase extends string> {
  readonly method: string;
  readonly path: string;
  readonly params: RouteParams;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: ParsedBody;
  readonly rawBody: Buffer;
  /** The server's own origin; build every absolute URL in a response from it. */
  readonly origin: string;
  /** The job id from the route's `jobIdParam`, if any. */
  readonly jobId: string | undefined;
  /** The recorded entry (mutable `jobId`, e.g. set by a submit handler). */
  readonly record: RecordedRequest<TPhase>;
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
  /** A header value (first one when repeated). */
  header(name: string): string | undefined;
  /** Opens an event stream on this response, applying a pending `drop-stream` fault. */
  openEventStream(headers?: Readonly<Record<string, string>>): EventStream;
}

/**
 * A route handler: returns a reply, or undefined when it wrote the response itself (streams).
 */
export type RouteHandler<TPhase extends string> = (context: RequestContext<TPhase>) => HttpReply | undefined | Promise<HttpReply | undefined>;

interface RouteEntry<TPhase extends string> {
  readonly options: RouteOptions<TPhase>;
  readonly handler: RouteHandler<TPhase>;
}

const DEFAULT_MAX_BODY_BYTES = 256 * 1024 * 1024;
const DEFAULT_STREAM_KEEP_ALIVE_MS = 15_000;
const MALFORMED_JSON = '{"status": "IN_PROGRESS", "request_id": "';

/**
 * The base of every fake provider server: a `node:http` server on 127.0.0.1, a router, request
 * recording with redaction, fault injection per protocol phase, and lifecycle management
 * (timers and open sockets die with the server). A provider server extends it and declares
 * routes with {@link FakeServer.route}.
 */
export abstract class FakeServer<TPhase extends string> {
  /** Injected faults; see {@link FaultRule}. */
  readonly faults: FaultInjector<TPhase>;
  readonly #protocol: FakeServerProtocol<TPhase>;
  readonly #router = new Router<RouteEntry<TPhase>>();
  readonly #recorder: RequestRecorder<TPhase>;
  readonly #redactor: Redactor;
  readonly #sockets = new Set<Socket>();
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #closeHooks: (() => void)[] = [];
  readonly #port: number;
  readonly #maxBodyBytes: number;
  /** Interval of keep-alive comments on event streams. */
  protected readonly streamKeepAliveMs: number;
  #server: Server | undefined;
  #origin: string | undefined;
  #closing: Promise<void> | undefined;

  protected constructor(protocol: FakeServerProtocol<TPhase>, options: FakeServerOptions = {}) {
    this.#protocol = protocol;
    this.faults = new FaultInjector(protocol.phases, protocol.streamingPhases ?? []);
    this.#recorder = new RequestRecorder(options.recording);
    this.#redactor = new Redactor(protocol.secrets);
    this.#port = options.port ?? 0;
    if (!Number.isInteger(this.#port) || this.#port < 0 || this.#port > 65_535) {
      throw new RangeError(`port must be an integer from 0 to 65535; got ${String(options.port)}.`);
    }
    this.#maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    this.streamKeepAliveMs = options.streamKeepAliveMs ?? DEFAULT_STREAM_KEEP_ALIVE_MS;
    if (!(this.streamKeepAliveMs > 0)) {
      throw new RangeError(`streamKeepAliveMs must be a number > 0; got ${String(options.streamKeepAliveMs)}.`);
    }
  }

  /** The server's origin (`http://127.0.0.1:PORT`); throws before {@link FakeServer.start}. */
  get url(): string {
    if (this.#origin === undefined) throw new Error(`The fake ${this.#protocol.name} server is not started; call start() first.`);
    return this.#origin;
  }

  /** Starts listening on 127.0.0.1. Calling it again returns the same address. */
  async start(): Promise<RunningServer> {
    if (this.#closing) throw new Error(`The fake ${this.#protocol.name} server was closed; create a new one.`);
    if (!this.#server) {
      const server = createServer((request, response) => {
        void this.#handle(request, response);
      });
      // Loopback clients reuse connections; long-lived streams and hung requests must not be cut.
      server.keepAliveTimeout = 30_000;
      server.headersTimeout = 35_000;
      server.requestTimeout = 0;
      server.on('connection', (socket) => {
        this.#sockets.add(socket);
        socket.once('close', () => this.#sockets.delete(socket));
      });
      this.#server = server;
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        // A deep backlog, so thousands of simultaneous connects are queued, not refused.
        server.listen({ host: '127.0.0.1', port: this.#port, backlog: 4096 }, () => {
          server.off('error', reject);
          resolve();
        });
      });
      this.#origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    }
    return { url: this.url, port: this.port, close: () => this.close() };
  }

  /** The listening port; throws before {@link FakeServer.start}. */
  get port(): number {
    return Number(new URL(this.url).port);
  }

  /** Stops the server: clears its timers and destroys every open connection. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      for (const timer of this.#timers) clearTimeout(timer);
      this.#timers.clear();
      for (const hook of this.#closeHooks.splice(0)) hook();
      const server = this.#server;
      if (!server) return;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of this.#sockets) socket.destroy();
      server.closeAllConnections();
      await closed;
    })();
    return this.#closing;
  }

  /** Recorded requests matching `filter`, oldest first. */
  requests(filter?: RequestFilter<TPhase>): RecordedRequest<TPhase>[] {
    return this.#recorder.requests(filter);
  }

  /** How many recorded requests match `filter` (e.g. `{ phase: 'submit' }` to assert one submit). */
  countRequests(filter?: RequestFilter<TPhase>): number {
    return this.#recorder.count(filter);
  }

  /** Forgets recorded requests. */
  clearRequests(): void {
    this.#recorder.clear();
  }

  /** How many requests were dropped from the recording to respect its bound. */
  get droppedRequests(): number {
    return this.#recorder.dropped;
  }

  /** Shorthand for `faults.inject(rule)`. */
  injectFault(rule: FaultRule<TPhase>): FaultHandle {
    return this.faults.inject(rule);
  }

  /** Declares a route; see {@link Router} for the pattern syntax. Earlier routes win. */
  protected route(method: string, pattern: string, options: RouteOptions<TPhase>, handler: RouteHandler<TPhase>): void {
    this.#router.add(method, pattern, { options, handler });
  }

  /** Runs `callback` after `ms`, unless the server closes first. */
  protected schedule(callback: () => void, ms: number): NodeJS.Timeout {
    // Node fires delays above 2^31-1 ms after 1 ms; cap them (a callback may reschedule itself).
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      callback();
    }, Math.min(Math.max(0, ms), MAX_TIMER_DELAY_MS));
    timer.unref();
    this.#timers.add(timer);
    return timer;
  }

  /** Cancels a callback from {@link FakeServer.schedule}. */
  protected unschedule(timer: NodeJS.Timeout): void {
    clearTimeout(timer);
    this.#timers.delete(timer);
  }

  /** Runs `hook` when the server closes. */
  protected onClose(hook: () => void): void {
    this.#closeHooks.push(hook);
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const at = Date.now();
    const seq = this.#recorder.nextSeq();
    const method = (request.method ?? 'GET').toUpperCase();
    const url = new URL(request.url ?? '/', 'http://fake.invalid');
    const path = url.pathname;
    let raw: Buffer;
    try {
      raw = await readBody(request, this.#maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) writeReply(response, jsonReply(413, { error: error.message }));
      else response.destroy();
      return;
    }
    const contentType = request.headers['content-type'] ?? '';
    let body: ParsedBody;
    try {
      body = await parseBody(raw, contentType);
    } catch (error) {
      writeReply(response, jsonReply(400, { error: `Unreadable ${contentType} body: ${(error as Error).message}` }));
      return;
    }
    const match = this.#router.match(method, path);
    const jobIdParam = match?.value.options.jobIdParam;
    const jobId = jobIdParam === undefined ? undefined : match?.params[jobIdParam];
    const record: RecordedRequest<TPhase> = {
      seq,
      method,
      path,
      query: this.#redactor.query(url.searchParams),
      headers: this.#redactor.headers(request.headers),
      ...recordBody(body),
      at,
      phase: match?.value.options.phase,
      jobId,
      status: undefined,
      fault: undefined,
    };
    this.#recorder.add(record);
    response.once('finish', () => {
      record.status = response.statusCode;
    });
    if (!match) {
      const notFound = this.#protocol.notFound?.({ method, path }) ?? jsonReply(404, { error: 'not found' });
      writeReply(response, this.#router.matchesOtherMethod(method, path) ? jsonReply(405, { error: `${method} is not allowed on ${path}` }) : notFound);
      return;
    }
    const phase = match.value.options.phase;
    const fault = phase === undefined ? undefined : this.faults.take(phase, jobId);
    if (fault) {
      record.fault = fault.kind;
      const handled = await this.#applyFault(fault, response);
      if (handled) return;
    }
    const origin = this.url;
    const context: RequestContext<TPhase> = {
      method,
      path,
      params: match.params,
      query: url.searchParams,
      headers: request.headers,
      body,
      rawBody: raw,
      origin,
      jobId,
      record,
      request,
      response,
      header: (name) => {
        const value = request.headers[name.toLowerCase()];
        return Array.isArray(value) ? value[0] : value;
      },
      openEventStream: (headers) =>
        new EventStream(response, {
          keepAliveMs: this.streamKeepAliveMs,
          ...(fault?.kind === 'drop-stream' ? { dropAfterEvents: fault.afterEvents } : {}),
          ...(headers ? { headers } : {}),
        }),
    };
    try {
      const reply = await match.value.handler(context);
      if (reply) writeReply(response, reply);
    } catch (error) {
      writeReply(response, jsonReply(500, { error: `fake ${this.#protocol.name} server error: ${(error as Error).message}` }));
    }
  }

  /** Applies a fault; returns true when it answered (or dropped) the request itself. */
  async #applyFault(fault: Fault, response: ServerResponse): Promise<boolean> {
    switch (fault.kind) {
      case 'respond':
        writeReply(response, {
          status: fault.status,
          ...(fault.body !== undefined ? { body: fault.body } : {}),
          headers: { ...(typeof fault.body === 'string' || fault.body === undefined ? {} : { 'content-type': 'application/json' }), ...fault.headers },
        });
        return true;
      case 'reset':
        response.socket?.destroy();
        return true;
      case 'hang':
        return true;
      case 'malformed-json':
        writeReply(response, { status: fault.status ?? 200, body: MALFORMED_JSON, headers: { 'content-type': 'application/json' } });
        return true;
      case 'delay':
        await new Promise<void>((resolve) => this.schedule(resolve, fault.ms));
        return response.destroyed;
      case 'drop-stream':
        return false;
    }
  }
}
