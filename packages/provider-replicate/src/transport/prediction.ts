/** A prediction's status (wire.md §2.3); `aborted` means stopped before it started. */
export type PredictionStatus = 'starting' | 'processing' | 'succeeded' | 'failed' | 'canceled' | 'aborted';

/** The fields of Replicate's Prediction object this provider reads. */
export interface Prediction {
  readonly id: string;
  readonly model?: string;
  readonly status: PredictionStatus;
  readonly output?: unknown;
  readonly error?: string | null;
  readonly logs?: string | null;
  readonly created_at?: string;
  readonly metrics?: { readonly predict_time?: number; readonly total_time?: number };
  readonly urls?: { readonly get?: string; readonly cancel?: string; readonly stream?: string; readonly web?: string };
}

const TERMINAL: ReadonlySet<string> = new Set(['succeeded', 'failed', 'canceled', 'aborted']);

/** Whether a status is final; `aborted` is final too, though replicate-javascript does not know it. */
export function isTerminal(status: string): boolean {
  return TERMINAL.has(status);
}

/** Whether a JSON value has the shape of a prediction (an id and a status). */
export function isPrediction(value: unknown): value is Prediction {
  const candidate = value as Partial<Prediction> | null;
  return typeof candidate === 'object' && candidate !== null && typeof candidate.id === 'string' && candidate.id !== '' && typeof candidate.status === 'string';
}
