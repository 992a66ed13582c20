/** A request budget: at most `maxRequests` per `windowMs`; past it, the key is refused for `timeoutMs`. */
export interface RateLimitPolicy {
  readonly maxRequests: number;
  readonly windowMs: number;
  readonly timeoutMs: number;
}

/** What the limiter needs of time: a clock and an abortable wait. */
export interface LimiterClock {
  now(): number;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

/** A granted send: call `release()` once the request has its answer (or failed). */
export interface RateLimitPermit {
  release(): void;
}

/** Why a request cannot be sent before its deadline. */
export class NoSlotBeforeDeadline extends Error {
  override readonly name = 'NoSlotBeforeDeadline';

  constructor(readonly availableAt: number) {
    super(`no send slot before the deadline (next at ${new Date(availableAt).toISOString()})`);
  }
}

interface Sent {
  /** When its answer arrived: an upper bound of when Stability counted it. Undefined while in flight. */
  answeredAt: number | undefined;
  readonly answered: Promise<void>;
  readonly markAnswered: () => void;
}

interface KeyState {
  /** The latest `maxRequests` granted requests, in grant order. */
  readonly recent: Sent[];
  blockedUntil: number;
  /** Grants happen one at a time, in arrival order. */
  turn: Promise<void>;
}

function waitFor(promise: Promise<void>, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    void promise.then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}

/**
 * A client-side limiter per API key, so that many concurrent generations do not trip
 * Stability's limit (150 requests / 10 s, then a 60 s timeout for the key). Sends are granted
 * in order, and a request is sent only when the one `maxRequests` places before it has its
 * answer and `windowMs` has passed since. Counting from the answer, not the send, is conservative (a
 * long generation holds its place), but it holds whatever the upload and network delays, so
 * the limiter itself never causes a 429. A 429 blocks the key for the timeout.
 *
 * The state lives in memory, per provider instance and process: processes that share a key
 * must split the budget (set a lower `maxRequests`).
 */
export class RequestRateLimiter {
  readonly #keys = new Map<string, KeyState>();

  constructor(
    readonly policy: RateLimitPolicy,
    private readonly clock: LimiterClock,
  ) {}

  /**
   * Waits for `key`'s turn and slot, then grants the send.
   *
   * @throws NoSlotBeforeDeadline (having sent nothing) when the slot is known to come after `deadline`.
   * @throws the signal's reason when it aborts while waiting.
   */
  async acquire(key: string, deadline: number, signal: AbortSignal): Promise<RateLimitPermit> {
    const state = this.#state(key);
    if (state.blockedUntil > deadline) throw new NoSlotBeforeDeadline(state.blockedUntil);
    const previous = state.turn;
    let endTurn!: () => void;
    state.turn = new Promise((resolve) => (endTurn = resolve));
    try {
      await waitFor(previous, signal);
      const oldest = state.recent.length >= this.policy.maxRequests ? state.recent[0] : undefined;
      if (oldest) await waitFor(oldest.answered, signal);
      // Grants are sequential, so this send also comes after every older answer plus the window.
      const windowFree = oldest ? (oldest.answeredAt ?? 0) + this.policy.windowMs : 0;
      const at = Math.max(this.clock.now(), state.blockedUntil, windowFree);
      if (at > deadline) throw new NoSlotBeforeDeadline(at);
      if (at > this.clock.now()) await this.clock.sleep(at - this.clock.now(), signal);
      // Only a granted send takes the oldest's place; an abort above leaves the queue as it was.
      if (oldest) state.recent.shift();
      const sent = this.#sent();
      state.recent.push(sent);
      return { release: sent.markAnswered };
    } finally {
      endTurn();
    }
  }

  /** Refuses `key` until `until` (after a 429). */
  block(key: string, until: number): void {
    const state = this.#state(key);
    state.blockedUntil = Math.max(state.blockedUntil, until);
  }

  #sent(): Sent {
    let resolve!: () => void;
    const answered = new Promise<void>((done) => (resolve = done));
    const sent: Sent = {
      answeredAt: undefined,
      answered,
      markAnswered: () => {
        sent.answeredAt ??= this.clock.now();
        resolve();
      },
    };
    return sent;
  }

  #state(key: string): KeyState {
    let state = this.#keys.get(key);
    if (!state) {
      state = { recent: [], blockedUntil: 0, turn: Promise.resolve() };
      this.#keys.set(key, state);
    }
    return state;
  }
}
