/** A log line a job prints while it runs. */
export interface JobLogScript {
  readonly message: string;
  /** Default `INFO`. */
  readonly level?: 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR';
}

/**
 * A failed outcome. Each provider server renders it in its own error shape; the optional
 * fields override what it would send.
 */
export interface JobFailure {
  /** Human message (fal: the status `error`). */
  readonly error: string;
  /** Machine type (fal: `error_type`, e.g. `internal_error`). */
  readonly errorType?: string;
  /** HTTP status of the failed result (provider default when omitted). */
  readonly httpStatus?: number;
  /** Exact error body of the result (provider default when omitted). */
  readonly body?: unknown;
  /** Extra headers on the failed result. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Whether the provider marks the failure retryable (fal: `x-fal-retryable`). */
  readonly retryable?: boolean;
}

/** How a job ends: success, a content-policy rejection, or a failure. */
export type JobOutcome = 'success' | 'moderation' | JobFailure;

/**
 * The life of one scripted job, relative to its submit: `queueMs` waiting, then `runMs`
 * running (printing `logs` and `progressSteps` evenly), then the `outcome`.
 */
export interface JobScript {
  /** Time in the queue (default 0). */
  readonly queueMs?: number;
  /** Time running (default 0). */
  readonly runMs?: number;
  /** Queue position at submit; it counts down to 0 evenly over `queueMs` (default 0). */
  readonly queuePosition?: number;
  /** Log lines printed evenly over the run, the first as it starts. */
  readonly logs?: readonly (string | JobLogScript)[];
  /** Progress reports during the run (each also logged as `Progress: N%`). Default 0. */
  readonly progressSteps?: number;
  /** Default `success`. */
  readonly outcome?: JobOutcome;
  /** Exact output JSON to return on success, instead of the server's synthesised one. */
  readonly output?: unknown;
  /** Billable units the provider reports for the job (fal: `x-fal-billable-units`). Default 1. */
  readonly billableUnits?: number;
}

/** A {@link JobScript} with every default applied and checked. */
export interface ResolvedJobScript {
  readonly queueMs: number;
  readonly runMs: number;
  readonly queuePosition: number;
  readonly logs: readonly Required<JobLogScript>[];
  readonly progressSteps: number;
  readonly outcome: JobOutcome;
  readonly output: unknown;
  readonly billableUnits: number;
}

function nonNegative(name: string, value: number | undefined, integer: boolean): number {
  const result = value ?? 0;
  if (!Number.isFinite(result) || result < 0 || (integer && !Number.isInteger(result))) {
    throw new RangeError(`job script ${name} must be ${integer ? 'an integer' : 'a finite number'} >= 0; got ${String(value)}.`);
  }
  return result;
}

function resolveOutcome(outcome: JobOutcome | undefined): JobOutcome {
  if (outcome === undefined || outcome === 'success' || outcome === 'moderation') return outcome ?? 'success';
  if (typeof outcome !== 'object' || outcome === null || typeof outcome.error !== 'string') {
    throw new TypeError(`job script outcome must be "success", "moderation" or { error: string, ... }; got ${JSON.stringify(outcome)}.`);
  }
  if (outcome.httpStatus !== undefined && (!Number.isInteger(outcome.httpStatus) || outcome.httpStatus < 400 || outcome.httpStatus > 599)) {
    throw new RangeError(`job script outcome.httpStatus must be an HTTP error status from 400 to 599; got ${String(outcome.httpStatus)}.`);
  }
  return outcome;
}

/** Applies defaults to a script (the later of `base` and `script` wins per field) and checks it. */
export function resolveJobScript(script: JobScript = {}, base: JobScript = {}): ResolvedJobScript {
  const merged: JobScript = { ...base, ...script };
  return {
    queueMs: nonNegative('queueMs', merged.queueMs, false),
    runMs: nonNegative('runMs', merged.runMs, false),
    queuePosition: nonNegative('queuePosition', merged.queuePosition, true),
    progressSteps: nonNegative('progressSteps', merged.progressSteps, true),
    billableUnits: nonNegative('billableUnits', merged.billableUnits ?? 1, false),
    logs: (merged.logs ?? []).map((log) => (typeof log === 'string' ? { message: log, level: 'INFO' } : { message: log.message, level: log.level ?? 'INFO' })),
    outcome: resolveOutcome(merged.outcome),
    output: merged.output,
  };
}
