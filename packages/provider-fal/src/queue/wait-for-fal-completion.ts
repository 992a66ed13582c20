import { pollDelay, sleep, TarashError, type CallContext, type JobStatusSnapshot, type SnapshotListener, retryAfterOf } from '@tarash/core';
import type { FalSettings } from '../config/fal-settings';
import type { FalJob } from './fal-job-handle';
import type { FalQueueClient } from './fal-queue-client';
import { FalProgressTracker, type FalQueueStatus } from './fal-queue-status';
import { falStatusSnapshot } from './fal-status-snapshot';
import { followFalStatusStream } from './fal-status-stream';

/** Stream connections tried (the first and two reconnects) before settling for polling. */
const STREAM_ATTEMPTS = 3;
/** First pause before reconnecting a dropped stream (grows 1.5× per attempt). */
const STREAM_RETRY_MS = 250;

const isTerminal = (snapshot: JobStatusSnapshot<unknown>): boolean => snapshot.status !== 'queued' && snapshot.status !== 'processing';

/**
 * Waits for a fal job to finish. It follows the SSE status stream (one request for the whole
 * wait), reconnecting after a drop; when the stream keeps failing, is refused, or `poll` mode
 * is configured, it polls the status endpoint with a bounded, growing interval. Transient
 * failures are retried against the same job; nothing here ever submits.
 */
export async function waitForFalCompletion<TResult>(
  client: FalQueueClient,
  context: CallContext,
  settings: FalSettings,
  job: FalJob,
  onSnapshot: SnapshotListener<TResult>,
): Promise<JobStatusSnapshot<TResult>> {
  const tracker = new FalProgressTracker();
  const report = (status: FalQueueStatus) => onSnapshot(tracker.snapshot<TResult>(status));
  // The last log lines may come with COMPLETED; terminal snapshots carry no progress, so they go first.
  const settle = async (status: FalQueueStatus): Promise<JobStatusSnapshot<TResult>> => {
    const logs = status.status === 'COMPLETED' ? tracker.newLogs(status) : [];
    if (logs.length > 0) await onSnapshot({ status: 'processing', logs });
    return falStatusSnapshot(client, context, job, status, tracker);
  };
  const log = (message: string) => context.logger({ level: 'warn', message, provider: context.provider, model: context.model, requestId: job.requestId });
  let streamAttempts = settings.statusUpdates === 'stream' ? 0 : STREAM_ATTEMPTS;
  let polls = 0;
  for (;;) {
    if (streamAttempts < STREAM_ATTEMPTS) {
      streamAttempts++;
      try {
        const completed = await followFalStatusStream(context, settings, job, report);
        if (completed) return await settle(completed);
        log('fal status stream ended before COMPLETED');
      } catch (error) {
        // An abort (deadline, caller, a progress callback that threw) ends the wait.
        if (context.signal.aborted) throw error;
        // A refused stream (401, 404…) will not get better; polling says what is wrong.
        if (error instanceof TarashError && !error.isRetryable) streamAttempts = STREAM_ATTEMPTS;
        log(`fal status stream failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (streamAttempts < STREAM_ATTEMPTS) {
        await sleep(pollDelay(streamAttempts - 1, Math.min(context.pollIntervalMs, STREAM_RETRY_MS)), context.signal);
        continue;
      }
      log('falling back to polling fal status');
    }
    let snapshot: JobStatusSnapshot<TResult>;
    try {
      snapshot = await settle(await client.status(job));
    } catch (error) {
      if (context.signal.aborted || !(error instanceof TarashError) || !error.isRetryable) throw error;
      log(`fal status check failed: ${error.message}`);
      await sleep(retryAfterOf(error) ?? pollDelay(polls++, context.pollIntervalMs), context.signal);
      continue;
    }
    if (isTerminal(snapshot)) return snapshot;
    await onSnapshot(snapshot);
    await sleep(pollDelay(polls++, context.pollIntervalMs), context.signal);
  }
}
