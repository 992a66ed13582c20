import type { RecordedBodyKind } from './request-body';

/** One request as the fake server saw it, with credentials redacted. */
export interface RecordedRequest<TPhase extends string = string> {
  /** Sequence number, from 1, in arrival order. */
  readonly seq: number;
  readonly method: string;
  /** The path without query string. */
  readonly path: string;
  readonly query: Readonly<Record<string, string | string[]>>;
  /** Lower-case header names; secret values replaced by `[REDACTED]`. */
  readonly headers: Readonly<Record<string, string>>;
  readonly bodyKind: RecordedBodyKind;
  /** See {@link RecordedBody}. */
  readonly body: unknown;
  /** Arrival time, ms since the epoch. */
  readonly at: number;
  /** The protocol phase of the matched route (e.g. `submit`, `status`); undefined for unknown routes. */
  readonly phase: TPhase | undefined;
  /** The job the request was about, when known (set by the submit handler for submits). */
  jobId: string | undefined;
  /** Response status; undefined while the response is open or when the connection was dropped. */
  status: number | undefined;
  /** The injected fault applied to this request, if any. */
  fault: string | undefined;
}

/** Selects recorded requests; every given criterion must hold. */
export interface RequestFilter<TPhase extends string = string> {
  readonly method?: string;
  /** Exact path, or a pattern tested against the path. */
  readonly path?: string | RegExp;
  readonly phase?: TPhase;
  readonly jobId?: string;
  readonly status?: number;
}

/** Recording settings of a fake server. */
export interface RecordingOptions {
  /** Record requests at all (default true). Turn off for load tests. */
  readonly enabled?: boolean;
  /** Keep at most this many requests, dropping the oldest (default 10 000). */
  readonly maxRequests?: number;
}

const DEFAULT_MAX_REQUESTS = 10_000;

function matches<TPhase extends string>(request: RecordedRequest<TPhase>, filter: RequestFilter<TPhase>): boolean {
  if (filter.method !== undefined && request.method !== filter.method.toUpperCase()) return false;
  if (filter.path !== undefined) {
    if (typeof filter.path === 'string' ? request.path !== filter.path : !filter.path.test(request.path)) return false;
  }
  if (filter.phase !== undefined && request.phase !== filter.phase) return false;
  if (filter.jobId !== undefined && request.jobId !== filter.jobId) return false;
  if (filter.status !== undefined && request.status !== filter.status) return false;
  return true;
}

/**
 * A bounded log of requests. Memory stays flat under load: beyond `maxRequests` the oldest
 * entries are dropped (and counted in {@link RequestRecorder.dropped}).
 */
export class RequestRecorder<TPhase extends string = string> {
  readonly enabled: boolean;
  readonly maxRequests: number;
  #entries: RecordedRequest<TPhase>[] = [];
  #seq = 0;
  #dropped = 0;

  constructor(options: RecordingOptions = {}) {
    const max = options.maxRequests ?? DEFAULT_MAX_REQUESTS;
    if (!Number.isInteger(max) || max < 1) {
      throw new RangeError(`recording.maxRequests must be a positive integer; got ${String(max)}.`);
    }
    this.enabled = options.enabled ?? true;
    this.maxRequests = max;
  }

  /** Next sequence number (counted even when recording is off). */
  nextSeq(): number {
    return ++this.#seq;
  }

  /** Stores a request (no-op when recording is off). */
  add(request: RecordedRequest<TPhase>): void {
    if (!this.enabled) return;
    this.#entries.push(request);
    if (this.#entries.length > this.maxRequests) {
      // Drop in batches so a full recorder does not shift the array on every request.
      const excess = Math.max(this.#entries.length - this.maxRequests, Math.ceil(this.maxRequests / 10));
      this.#entries = this.#entries.slice(excess);
      this.#dropped += excess;
    }
  }

  /** Recorded requests matching `filter`, oldest first. */
  requests(filter: RequestFilter<TPhase> = {}): RecordedRequest<TPhase>[] {
    return this.#entries.filter((entry) => matches(entry, filter));
  }

  /** How many recorded requests match `filter`. */
  count(filter: RequestFilter<TPhase> = {}): number {
    let total = 0;
    for (const entry of this.#entries) if (matches(entry, filter)) total++;
    return total;
  }

  /** How many requests were dropped to respect `maxRequests`. */
  get dropped(): number {
    return this.#dropped;
  }

  /** Forgets every recorded request. */
  clear(): void {
    this.#entries = [];
    this.#dropped = 0;
  }
}
