import type { CallContext, JobStatusSnapshot } from '@tarash/core';
import { unreadableFalBody } from '../http/fal-http';
import { isJsonObject, isNullishQueuePosition, isNullishString } from './fal-answer-checks';

/** A queue status body (status endpoint and each SSE event), as far as the SDK reads it; fal's other fields are kept. */
export interface FalQueueStatus {
  readonly status: 'IN_QUEUE' | 'IN_PROGRESS' | 'COMPLETED';
  readonly queue_position?: number | null;
  readonly logs?: readonly unknown[] | null;
  readonly error?: string | null;
  readonly error_type?: string | null;
  readonly [field: string]: unknown;
}

const QUEUE_STATES: ReadonlySet<unknown> = new Set(['IN_QUEUE', 'IN_PROGRESS', 'COMPLETED']);

function isFalQueueStatus(raw: unknown): raw is FalQueueStatus {
  return (
    isJsonObject(raw) &&
    QUEUE_STATES.has(raw.status) &&
    isNullishQueuePosition(raw.queue_position) &&
    (raw.logs === undefined || raw.logs === null || Array.isArray(raw.logs)) &&
    isNullishString(raw.error) &&
    isNullishString(raw.error_type)
  );
}

/** Reads a status body (already parsed JSON); anything else is a retryable protocol error. */
export function parseFalQueueStatus(raw: unknown, context: CallContext, requestId: string): FalQueueStatus {
  if (!isFalQueueStatus(raw)) throw unreadableFalBody(context, 'status', 'an unreadable queue status', raw, requestId);
  return raw;
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
