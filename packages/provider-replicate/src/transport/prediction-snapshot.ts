import { ContentModerationError, GenerationFailedError, type JobStatusSnapshot } from '@tarash/core';
import { isModerationMessage } from './replicate-error';
import type { Prediction } from './prediction';
import { tqdmPercent } from './tqdm-progress';

/** Who the snapshot is about, for the errors it carries. */
export interface SnapshotTarget {
  readonly provider: string;
  readonly model: string;
}

/** A snapshot and the number of log lines it has accounted for. */
export interface PredictionObservation<TResult> {
  readonly snapshot: JobStatusSnapshot<TResult>;
  readonly logLines: number;
}

function logLines(logs: string | null | undefined): string[] {
  if (!logs) return [];
  const lines = logs.split(/\r\n|\n|\r/);
  return lines.at(-1) === '' ? lines.slice(0, -1) : lines;
}

function failure(prediction: Prediction, target: SnapshotTarget) {
  const text = prediction.error ?? 'the prediction failed without an error message';
  const common = { provider: target.provider, model: target.model, requestId: prediction.id, phase: 'status' as const, rawResponse: prediction };
  return isModerationMessage(text)
    ? new ContentModerationError({ ...common, message: `Replicate refused the content of prediction ${prediction.id}: ${text}` })
    : new GenerationFailedError({ ...common, message: `Replicate prediction ${prediction.id} failed: ${text}` });
}

/**
 * Normalises a prediction (wire.md §8): starting → queued, processing → processing,
 * succeeded → completed with the result, failed → failed (a safety refusal as a
 * `ContentModerationError`), canceled / aborted → cancelled. Only the log lines after
 * `seenLogLines` are reported; progress comes from the last tqdm bar.
 */
export function observePrediction<TResult>(
  prediction: Prediction,
  target: SnapshotTarget,
  seenLogLines: number,
  toResult: (prediction: Prediction) => TResult | undefined,
): PredictionObservation<TResult> {
  const lines = logLines(prediction.logs);
  const fresh = lines.slice(seenLogLines).filter((line) => line.trim() !== '');
  const percent = tqdmPercent(prediction.logs ?? '');
  const progress = {
    ...(percent !== undefined ? { progressPercent: percent } : {}),
    ...(fresh.length > 0 ? { logs: fresh } : {}),
    rawResponse: prediction,
  };
  const observed = (snapshot: JobStatusSnapshot<TResult>): PredictionObservation<TResult> => ({ snapshot, logLines: Math.max(seenLogLines, lines.length) });
  switch (prediction.status) {
    case 'starting':
      return observed({ status: 'queued', ...progress });
    case 'processing':
      return observed({ status: 'processing', ...progress });
    case 'succeeded': {
      const result = toResult(prediction);
      if (result !== undefined) return observed({ status: 'completed', ...progress, progressPercent: 100, result });
      const error = new GenerationFailedError({
        provider: target.provider,
        model: target.model,
        requestId: prediction.id,
        phase: 'result',
        message: `Replicate prediction ${prediction.id} succeeded without a media file in its output`,
        rawResponse: prediction,
      });
      return observed({ status: 'failed', ...progress, error });
    }
    case 'failed':
      return observed({ status: 'failed', ...progress, error: failure(prediction, target) });
    case 'canceled':
    case 'aborted':
      return observed({ status: 'cancelled', ...progress });
    default:
      // A status this provider does not know yet is not final: keep watching.
      return observed({ status: 'processing', ...progress });
  }
}
