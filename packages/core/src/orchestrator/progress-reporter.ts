import type { JobStatusSnapshot } from '../provider/job-status-snapshot';
import type { Redactor } from '../security/redactor';
import type { ProgressUpdate } from '../types/progress-update';
import type { ProgressCallback } from './generation-options';
import type { SnapshotEmitter } from './run-attempt';

/**
 * Turns provider snapshots into progress updates for one attempt: normalised status, attempt
 * number, redacted logs, and no repeats of an unchanged update.
 */
export function progressEmitter<TResponse>(
  callback: ProgressCallback<TResponse>,
  target: { readonly attempt: number; readonly provider: string; readonly model: string },
  redactor: Redactor,
): SnapshotEmitter {
  let last = '';
  return async (snapshot: JobStatusSnapshot, requestId: string) => {
    const update: ProgressUpdate<TResponse> = {
      requestId,
      status: snapshot.status === 'cancelled' ? 'failed' : snapshot.status,
      ...(snapshot.progressPercent !== undefined ? { progressPercent: Math.max(0, Math.min(100, snapshot.progressPercent)) } : {}),
      ...(snapshot.queuePosition !== undefined ? { queuePosition: snapshot.queuePosition } : {}),
      ...(snapshot.logs?.length ? { logs: snapshot.logs.map((l) => redactor.redactString(l)) } : {}),
      attempt: target.attempt,
      provider: target.provider,
      model: target.model,
    };
    const key = `${requestId}|${update.status}|${update.progressPercent}|${update.queuePosition}`;
    if (key === last && !update.logs) return;
    last = key;
    await callback(update);
  };
}
