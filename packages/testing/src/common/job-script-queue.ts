import { resolveJobScript, type JobScript, type ResolvedJobScript } from './job-script';

/**
 * Decides the script of each submitted job: scripts queued with {@link JobScriptQueue.next}
 * are used first, in order; after them every job gets the default script. Each queued script
 * is layered over the default, so it only needs the fields it changes.
 */
export class JobScriptQueue {
  #default: JobScript;
  #queue: { script: JobScript; remaining: number }[] = [];

  constructor(defaultScript: JobScript = {}) {
    resolveJobScript(defaultScript);
    this.#default = defaultScript;
  }

  /** Replaces the default script (checked now, so a bad field fails here, not at submit). */
  setDefault(script: JobScript): void {
    resolveJobScript(script);
    this.#default = script;
  }

  /** Scripts the next `times` submits (default 1), after the ones already queued. */
  next(script: JobScript, times = 1): void {
    if (!Number.isInteger(times) || times < 1) throw new RangeError(`times must be a positive integer; got ${String(times)}.`);
    resolveJobScript(script, this.#default);
    this.#queue.push({ script, remaining: times });
  }

  /** How many submits are still scripted explicitly. */
  get pending(): number {
    return this.#queue.reduce((total, entry) => total + entry.remaining, 0);
  }

  /** The script for the job being submitted now. */
  take(): ResolvedJobScript {
    const head = this.#queue[0];
    if (!head) return resolveJobScript(this.#default);
    head.remaining -= 1;
    if (head.remaining === 0) this.#queue.shift();
    return resolveJobScript(head.script, this.#default);
  }

  /** Drops the queued scripts (the default stays). */
  clear(): void {
    this.#queue = [];
  }
}
