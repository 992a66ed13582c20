import { parseServerSentEvents, type CallContext, withRequestTimeout } from '@tarash/core';
import type { FalSettings } from '../config/fal-settings';
import { sendFalRequest, unreadableFalBody } from '../http/fal-http';
import type { FalJob } from './fal-job-handle';
import { falStatusStreamUrl } from './fal-queue-client';
import { parseFalQueueStatus, type FalQueueStatus } from './fal-queue-status';

/**
 * Follows a job's SSE status stream (wire.md §1.4): every event before `COMPLETED` goes to
 * `onStatus`, and the `COMPLETED` status is returned the moment it arrives, so the result can
 * be fetched without waiting out a poll interval. Resolves undefined when the stream ends
 * early; rejects when it cannot be opened, breaks, goes silent for `streamIdleTimeoutMs`, or
 * sends an unreadable event.
 */
export function followFalStatusStream(
  context: CallContext,
  settings: FalSettings,
  job: FalJob,
  onStatus: (status: FalQueueStatus) => void | Promise<void>,
): Promise<FalQueueStatus | undefined> {
  return withRequestTimeout(context, 'status', settings.streamIdleTimeoutMs, async (signal, touch) => {
    const response = await sendFalRequest(
      context,
      { method: 'GET', url: falStatusStreamUrl(job.urls), headers: { Accept: 'text/event-stream' }, phase: 'status', requestId: job.requestId },
      signal,
    );
    if (!response.body) throw unreadableFalBody(context, 'status', 'a status stream without a body', '', job.requestId);
    // Every chunk, keep-alive comments included, proves the connection is alive.
    for await (const event of parseServerSentEvents(response.body, { onChunk: touch })) {
      let data: unknown;
      try {
        data = JSON.parse(event.data);
      } catch {
        throw unreadableFalBody(context, 'status', 'a malformed status event', event.data, job.requestId);
      }
      const status = parseFalQueueStatus(data, context, job.requestId);
      if (status.status === 'COMPLETED') return status;
      await onStatus(status);
      touch();
    }
    return undefined;
  });
}
