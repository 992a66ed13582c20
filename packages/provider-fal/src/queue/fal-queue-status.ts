import type { CallContext, JobStatusSnapshot } from '@tarash/core';
import * as z from 'zod/mini';
import { unreadableFalBody } from '../http/fal-http';

/** A queue status body (status endpoint and each SSE event), as far as the SDK reads it. */
export const falQueueStatusSchema = z.looseObject({
  status: z.enum(['IN_QUEUE', 'IN_PROGRESS', 'COMPLETED']),
  queue_position: z.nullish(z.number().check(z.int(), z.nonnegative())),
  logs: z.nullish(z.array(z.unknown())),
  error: z.nullish(z.string()),
  error_type: z.nullish(z.string()),
});

/** A parsed queue status. */
export type FalQueueStatus = z.infer<typeof falQueueStatusSchema>;

/** Reads a status body (already parsed JSON); anything else is a retryable protocol error. */
export function parseFalQueueStatus(raw: unknown, context: CallContext, requestId: string): FalQueueStatus {
  const parsed = z.safeParse(falQueueStatusSchema, raw);
  if (!parsed.success) throw unreadableFalBody(context, 'status', 'an unreadable queue status', raw, requestId);
  return parsed.data;
}

interface FalLogEntry {
  readonly message: string;
  readonly timestamp?: string;
}

function logEntries(status: FalQueueStatus): FalLogEntry[] {
  return (status.logs ?? []).flatMap((entry) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { message, timestamp } = entry as Record<string, unknown>;
    return typeof message === 'string' ? [{ message, ...(typeof timestamp === 'string' ? { timestamp } : {}) }] : [];
  });
}

/**
 * Turns the non-terminal statuses of one job into progress snapshots: queue position while
 * queued, new log lines while running. fal's status endpoint repeats every log line on each
 * poll and its stream may send them once or again, so lines already reported are dropped.
 */
export class FalProgressTracker {
  readonly #seen = new Set<string>();

  /** The log lines of a status not reported before (and now marked reported). */
  newLogs(status: FalQueueStatus): string[] {
    return logEntries(status)
      .filter((entry) => {
        const key = `${entry.timestamp ?? ''}\u0000${entry.message}`;
        if (this.#seen.has(key)) return false;
        this.#seen.add(key);
        return true;
      })
      .map((entry) => entry.message);
  }

  /** The snapshot of an `IN_QUEUE` or `IN_PROGRESS` status. */
  snapshot<TResult>(status: FalQueueStatus): JobStatusSnapshot<TResult> {
    const logs = this.newLogs(status);
    return {
      status: status.status === 'IN_QUEUE' ? 'queued' : 'processing',
      ...(status.queue_position !== undefined && status.queue_position !== null ? { queuePosition: status.queue_position } : {}),
      ...(logs.length > 0 ? { logs } : {}),
      rawResponse: status,
    };
  }
}
