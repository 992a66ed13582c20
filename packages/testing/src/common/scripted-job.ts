import type { JobFailure, ResolvedJobScript } from './job-script';

/** Where a job is in its life. */
export type JobPhase = 'queued' | 'running' | 'completed';

/** How a completed job ended. */
export type JobResult =
  | { readonly kind: 'success' }
  | { readonly kind: 'moderation' }
  | { readonly kind: 'failure'; readonly failure: JobFailure }
  | { readonly kind: 'cancelled'; readonly while: 'queued' | 'running' };

/** A log line the job has printed. */
export interface JobLogEntry {
  readonly message: string;
  readonly level: string;
  /** When it was printed, ms since the epoch. */
  readonly at: number;
}

/** A job's state at one instant. */
export interface JobSnapshot {
  readonly phase: JobPhase;
  /** 0-based position while queued; 0 otherwise. */
  readonly queuePosition: number;
  /** 0..1: the share of progress steps passed; 1 once completed. */
  readonly progress: number;
  readonly logs: readonly JobLogEntry[];
  /** Set once running. */
  readonly startedAt: number | undefined;
  /** Set once completed. */
  readonly completedAt: number | undefined;
  /** Set once completed. */
  readonly result: JobResult | undefined;
}

interface ScheduledLog {
  readonly offsetMs: number;
  readonly message: string;
  readonly level: string;
  /** Progress reached with this line, for progress steps. */
  readonly progress: number | undefined;
}

function scheduleLogs(script: ResolvedJobScript): ScheduledLog[] {
  const logs: ScheduledLog[] = script.logs.map((log, index) => ({
    offsetMs: (index * script.runMs) / script.logs.length,
    message: log.message,
    level: log.level,
    progress: undefined,
  }));
  const steps = script.progressSteps;
  for (let step = 1; step <= steps; step++) {
    const progress = step / (steps + 1);
    logs.push({ offsetMs: progress * script.runMs, message: `Progress: ${Math.round(progress * 100)}%`, level: 'INFO', progress });
  }
  return logs.sort((a, b) => a.offsetMs - b.offsetMs);
}

/**
 * A job whose state is a pure function of the time since its submit, following its script.
 * Nothing runs in the background: thousands of jobs cost a few objects each, and a status
 * request simply computes the state for "now". Streams ask {@link ScriptedJob.nextChangeAt}
 * to wake up exactly when something changes.
 */
export class ScriptedJob {
  readonly id: string;
  readonly submittedAt: number;
  readonly script: ResolvedJobScript;
  readonly #logs: readonly ScheduledLog[];
  #cancelledAt: number | undefined;

  constructor(id: string, script: ResolvedJobScript, submittedAt: number = Date.now()) {
    this.id = id;
    this.script = script;
    this.submittedAt = submittedAt;
    this.#logs = scheduleLogs(script);
  }

  /** When the job starts (or would have started) running. */
  get startsAt(): number {
    return this.submittedAt + this.script.queueMs;
  }

  /** When the job completes (earlier when cancelled). */
  get completesAt(): number {
    const natural = this.startsAt + this.script.runMs;
    return this.#cancelledAt === undefined ? natural : Math.min(natural, this.#cancelledAt);
  }

  /** When it was cancelled, if it was (and the cancel came before completion). */
  get cancelledAt(): number | undefined {
    return this.#cancelledAt;
  }

  /** The job's phase at `now`. */
  phaseAt(now: number = Date.now()): JobPhase {
    if (now >= this.completesAt) return 'completed';
    return now >= this.startsAt ? 'running' : 'queued';
  }

  /** The job's full state at `now`. */
  snapshot(now: number = Date.now()): JobSnapshot {
    const phase = this.phaseAt(now);
    const startsAt = this.startsAt;
    const completesAt = this.completesAt;
    const logs: JobLogEntry[] = [];
    let progress = 0;
    for (const log of this.#logs) {
      const at = startsAt + log.offsetMs;
      if (at > now || at > completesAt) break;
      logs.push({ message: log.message, level: log.level, at });
      if (log.progress !== undefined) progress = log.progress;
    }
    return {
      phase,
      queuePosition: phase === 'queued' ? this.#queuePositionAt(now) : 0,
      progress: phase === 'completed' ? 1 : progress,
      logs,
      // A job cancelled in the queue completes before its start time: it never started.
      startedAt: startsAt <= now && startsAt <= completesAt ? startsAt : undefined,
      completedAt: phase === 'completed' ? completesAt : undefined,
      result: phase === 'completed' ? this.#result() : undefined,
    };
  }

  /** The next instant after `now` at which the snapshot changes, or undefined once completed. */
  nextChangeAt(now: number = Date.now()): number | undefined {
    const completesAt = this.completesAt;
    if (now >= completesAt) return undefined;
    const candidates = [completesAt];
    const startsAt = this.startsAt;
    if (now < startsAt) {
      candidates.push(startsAt);
      const position = this.script.queuePosition;
      if (position > 0) {
        const step = this.script.queueMs / (position + 1);
        candidates.push(this.submittedAt + (Math.floor((now - this.submittedAt) / step) + 1) * step);
      }
    } else {
      const next = this.#logs.find((log) => startsAt + log.offsetMs > now);
      if (next) candidates.push(startsAt + next.offsetMs);
    }
    return Math.min(...candidates.filter((time) => time > now));
  }

  /**
   * Cancels the job at `now`: a queued job never runs, a running one stops. Both complete at
   * once as cancelled.
   */
  cancel(now: number = Date.now()): 'cancelled' | 'already-completed' {
    if (this.phaseAt(now) === 'completed') return 'already-completed';
    this.#cancelledAt = now;
    return 'cancelled';
  }

  #queuePositionAt(now: number): number {
    const position = this.script.queuePosition;
    if (position === 0) return 0;
    const step = this.script.queueMs / (position + 1);
    return Math.max(0, position - Math.floor((now - this.submittedAt) / step));
  }

  #result(): JobResult {
    const cancelledAt = this.#cancelledAt;
    if (cancelledAt !== undefined) return { kind: 'cancelled', while: cancelledAt < this.startsAt ? 'queued' : 'running' };
    const outcome = this.script.outcome;
    if (outcome === 'success') return { kind: 'success' };
    if (outcome === 'moderation') return { kind: 'moderation' };
    return { kind: 'failure', failure: outcome };
  }
}
