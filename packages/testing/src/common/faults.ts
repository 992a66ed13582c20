/**
 * What an injected fault does to a request. Every fault is data, so tests read as a table of
 * "next N status polls answer 503" rather than as code.
 */
export type Fault =
  /** Answer with this status, body and headers instead of the real response. */
  | {
      readonly kind: 'respond';
      readonly status: number;
      /** Sent as JSON unless it is a string (sent as is). */
      readonly body?: unknown;
      readonly headers?: Readonly<Record<string, string>>;
    }
  /** Destroy the socket without answering (the client sees a connection reset). */
  | { readonly kind: 'reset' }
  /** Never answer; the socket stays open until the client gives up or the server closes. */
  | { readonly kind: 'hang' }
  /** Answer with a JSON content type and a cut-off JSON body. */
  | { readonly kind: 'malformed-json'; readonly status?: number }
  /** Wait, then answer normally. */
  | { readonly kind: 'delay'; readonly ms: number }
  /** For streaming phases: send this many events, then destroy the socket mid-stream. */
  | { readonly kind: 'drop-stream'; readonly afterEvents: number };

/** The kind of a {@link Fault}. */
export type FaultKind = Fault['kind'];

/** Where and how often a fault applies. */
export interface FaultRule<TPhase extends string = string> {
  /** The protocol phase whose requests get the fault (e.g. `status`). */
  readonly phase: TPhase;
  readonly fault: Fault;
  /** How many matching requests get it (default 1; `Infinity` for all of them). */
  readonly times?: number;
  /** Only requests about this job (never matches a submit, whose job does not exist yet). */
  readonly jobId?: string;
}

/** A live injected fault. */
export interface FaultHandle {
  /** How many more requests it will hit. */
  readonly remaining: number;
  /** How many requests it has hit so far. */
  readonly applied: number;
  /** Stops it. */
  remove(): void;
}

interface ActiveFault<TPhase extends string> {
  readonly rule: FaultRule<TPhase>;
  remaining: number;
  applied: number;
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function validateFault(fault: Fault): void {
  switch (fault.kind) {
    case 'respond':
      if (!Number.isInteger(fault.status) || fault.status < 100 || fault.status > 599) {
        throw new RangeError(`fault.status must be an HTTP status from 100 to 599; got ${describe(fault.status)}.`);
      }
      return;
    case 'malformed-json':
      if (fault.status !== undefined && (!Number.isInteger(fault.status) || fault.status < 100 || fault.status > 599)) {
        throw new RangeError(`fault.status must be an HTTP status from 100 to 599; got ${describe(fault.status)}.`);
      }
      return;
    case 'delay':
      if (!Number.isFinite(fault.ms) || fault.ms < 0) throw new RangeError(`fault.ms must be a finite number >= 0; got ${describe(fault.ms)}.`);
      return;
    case 'drop-stream':
      if (!Number.isInteger(fault.afterEvents) || fault.afterEvents < 0) {
        throw new RangeError(`fault.afterEvents must be an integer >= 0; got ${describe(fault.afterEvents)}.`);
      }
      return;
    case 'reset':
    case 'hang':
      return;
    default:
      throw new TypeError(
        `fault.kind must be one of "respond", "reset", "hang", "malformed-json", "delay", "drop-stream"; got ${describe((fault as { kind: unknown }).kind)}.`,
      );
  }
}

/**
 * Holds the injected faults of one fake server and hands each to the requests it targets,
 * first-injected first.
 */
export class FaultInjector<TPhase extends string = string> {
  readonly #phases: ReadonlySet<TPhase>;
  readonly #streamingPhases: ReadonlySet<TPhase>;
  #active: ActiveFault<TPhase>[] = [];

  /**
   * @param phases the phases the server has.
   * @param streamingPhases the phases that answer with an event stream (the only ones a
   *   `drop-stream` fault can target).
   */
  constructor(phases: readonly TPhase[], streamingPhases: readonly TPhase[]) {
    this.#phases = new Set(phases);
    this.#streamingPhases = new Set(streamingPhases);
  }

  /** Adds a fault. Throws a RangeError/TypeError naming the bad field when the rule is invalid. */
  inject(rule: FaultRule<TPhase>): FaultHandle {
    if (!this.#phases.has(rule.phase)) {
      throw new RangeError(`fault phase must be one of ${[...this.#phases].map(describe).join(', ')}; got ${describe(rule.phase)}.`);
    }
    validateFault(rule.fault);
    if (rule.fault.kind === 'drop-stream' && !this.#streamingPhases.has(rule.phase)) {
      throw new RangeError(
        `a "drop-stream" fault needs a streaming phase (${[...this.#streamingPhases].map(describe).join(', ')}); got ${describe(rule.phase)}.`,
      );
    }
    const times = rule.times ?? 1;
    if (!(times === Infinity || (Number.isInteger(times) && times >= 1))) {
      throw new RangeError(`fault times must be a positive integer or Infinity; got ${describe(times)}.`);
    }
    const active: ActiveFault<TPhase> = { rule, remaining: times, applied: 0 };
    this.#active.push(active);
    return {
      get remaining() {
        return active.remaining;
      },
      get applied() {
        return active.applied;
      },
      remove: () => {
        this.#active = this.#active.filter((entry) => entry !== active);
      },
    };
  }

  /** Takes the fault for a request in `phase` about `jobId`, if one is due (counts it down). */
  take(phase: TPhase, jobId: string | undefined): Fault | undefined {
    const index = this.#active.findIndex(
      (entry) => entry.rule.phase === phase && (entry.rule.jobId === undefined || entry.rule.jobId === jobId),
    );
    const entry = this.#active[index];
    if (!entry) return undefined;
    entry.remaining -= 1;
    entry.applied += 1;
    if (entry.remaining <= 0) this.#active.splice(index, 1);
    return entry.rule.fault;
  }

  /** Removes every fault. */
  clear(): void {
    this.#active = [];
  }
}
