import type { TarashError } from '../errors/tarash-error';
import type { AttemptMetadata, ExecutionMetadata } from '../types/execution-metadata';

/** What one config's run reports for the audit trail. */
export interface AttemptOutcome {
  readonly requestId?: string;
  readonly retries: number;
  readonly cancelled?: boolean;
}

/** Collects the audit trail of a chain as it runs. */
export class MetadataRecorder {
  private readonly attempts: AttemptMetadata[] = [];
  private readonly startedAt = Date.now();

  constructor(private readonly configsInChain: number) {}

  success(target: { provider: string; model: string; attemptNumber: number }, started: number, outcome: AttemptOutcome): void {
    this.attempts.push({ ...this.base(target, started, outcome), status: 'success' });
  }

  failure(target: { provider: string; model: string; attemptNumber: number }, started: number, outcome: AttemptOutcome, error: TarashError): void {
    this.attempts.push({
      ...this.base(target, started, outcome),
      status: 'failed',
      errorType: error.name,
      errorMessage: error.message,
      isRetryable: error.isRetryable,
    });
  }

  skipped(target: { provider: string; model: string; attemptNumber: number }): void {
    const now = new Date().toISOString();
    this.attempts.push({ ...target, startedAt: now, endedAt: now, status: 'skipped', retries: 0, elapsedMs: 0 });
  }

  snapshot(): ExecutionMetadata {
    const tried = this.attempts.filter((a) => a.status !== 'skipped');
    const success = this.attempts.find((a) => a.status === 'success');
    return {
      totalAttempts: tried.length,
      ...(success ? { successfulAttempt: success.attemptNumber } : {}),
      fallbackTriggered: tried.some((a) => a.attemptNumber > 1),
      configsInChain: this.configsInChain,
      totalElapsedMs: Date.now() - this.startedAt,
      attempts: [...this.attempts],
    };
  }

  private base(target: { provider: string; model: string; attemptNumber: number }, started: number, outcome: AttemptOutcome) {
    const ended = Date.now();
    return {
      provider: target.provider,
      model: target.model,
      attemptNumber: target.attemptNumber,
      startedAt: new Date(started).toISOString(),
      endedAt: new Date(ended).toISOString(),
      retries: outcome.retries,
      elapsedMs: ended - started,
      ...(outcome.requestId !== undefined ? { requestId: outcome.requestId } : {}),
      ...(outcome.cancelled !== undefined ? { cancelled: outcome.cancelled } : {}),
    };
  }
}
