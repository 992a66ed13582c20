import type { CallContext, JobStatusSnapshot } from '@tarash/core';
import { falJobFailure } from '../http/fal-errors';
import type { FalJob } from './fal-job-handle';
import type { FalQueueClient } from './fal-queue-client';
import type { FalProgressTracker, FalQueueStatus } from './fal-queue-status';

/**
 * The snapshot of any queue status. fal reports a failed job as `COMPLETED` with `error`
 * (wire.md §1.3); its result then carries the model's error status and body, which is read so
 * that a late 422 names its fields and a content-policy refusal is told apart. A job
 * cancelled at fal (`client_cancelled`) is `cancelled`.
 */
export async function falStatusSnapshot<TResult>(
  client: FalQueueClient,
  context: CallContext,
  job: FalJob,
  status: FalQueueStatus,
  tracker: FalProgressTracker,
): Promise<JobStatusSnapshot<TResult>> {
  if (status.status !== 'COMPLETED') return tracker.snapshot(status);
  if (status.error == null) return { status: 'completed', progressPercent: 100, rawResponse: status };
  if (status.error_type === 'client_cancelled') return { status: 'cancelled', rawResponse: status };
  const result = await client.failedResult(job);
  const error = falJobFailure({
    provider: context.provider,
    model: context.model,
    requestId: job.requestId,
    error: status.error,
    errorType: status.error_type ?? undefined,
    ...(result ? { result } : {}),
  });
  return { status: 'failed', error, rawResponse: status };
}
