/** Why an attempt's signal aborted. */
export type AbortKind = 'deadline' | 'caller' | 'callback';

/** The reason object an attempt scope aborts with. */
export class AttemptAbort extends Error {
  override readonly name = 'AttemptAbort';

  constructor(
    readonly kind: AbortKind,
    readonly detail?: unknown,
  ) {
    super(`attempt aborted (${kind})`);
  }
}

/**
 * The lifetime of one config's job: aborts at its deadline or when the caller aborts, and can
 * be aborted from inside (a progress callback that threw). Always `dispose()` it.
 */
export class AttemptScope {
  readonly deadline: number;
  private readonly controller = new AbortController();
  private readonly timer: ReturnType<typeof setTimeout>;
  private readonly onCallerAbort = () => this.abort('caller');

  constructor(
    timeoutMs: number,
    private readonly callerSignal: AbortSignal | undefined,
  ) {
    this.deadline = Date.now() + timeoutMs;
    this.timer = setTimeout(() => this.abort('deadline'), timeoutMs);
    if (callerSignal?.aborted) this.abort('caller');
    else callerSignal?.addEventListener('abort', this.onCallerAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** The abort kind, once aborted. */
  get abortKind(): AbortKind | undefined {
    const reason: unknown = this.controller.signal.reason;
    return reason instanceof AttemptAbort ? reason.kind : undefined;
  }

  abort(kind: AbortKind, detail?: unknown): void {
    if (!this.controller.signal.aborted) this.controller.abort(new AttemptAbort(kind, detail));
  }

  /** Milliseconds left before the deadline. */
  remainingMs(): number {
    return Math.max(0, this.deadline - Date.now());
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.callerSignal?.removeEventListener('abort', this.onCallerAbort);
  }
}
