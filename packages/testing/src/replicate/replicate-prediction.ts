import type { JobLogEntry, JobResult, JobSnapshot, ScriptedJob } from '../common/scripted-job';
import type { ReplicateOutput } from './replicate-output';

/** The protocol phases of the fake Replicate server (fault targets and recording labels). */
export type ReplicatePhase = 'submit' | 'status' | 'stream' | 'cancel' | 'list' | 'upload' | 'file' | 'media';

/** Every {@link ReplicatePhase}. */
export const REPLICATE_PHASES: readonly ReplicatePhase[] = ['submit', 'status', 'stream', 'cancel', 'list', 'upload', 'file', 'media'];

/** A prediction's status (wire.md §2.3). */
export type PredictionStatus = 'starting' | 'processing' | 'succeeded' | 'failed' | 'canceled' | 'aborted';

/** Webhook events a prediction can send (wire.md §2.6). */
export type WebhookEvent = 'start' | 'output' | 'logs' | 'completed';

/** The error text of a job whose output the safety checker refused [C]. */
export const NSFW_ERROR = 'NSFW content detected. Try running it again, or try a different prompt.';

/** What a {@link ReplicatePrediction} is made of. */
export interface ReplicatePredictionInit {
  readonly job: ScriptedJob;
  /** `owner/name` (or the deployment's model). */
  readonly model: string;
  /** The 64-hex version, or `hidden` for official models. */
  readonly version: string;
  readonly input: Readonly<Record<string, unknown>>;
  readonly webhook: string | undefined;
  readonly webhookEventsFilter: readonly WebhookEvent[];
  readonly deployment: string | undefined;
  /** When `Cancel-After` cancels the prediction, if set. */
  readonly deadlineAt: number | undefined;
  readonly buildOutput: () => ReplicateOutput;
}

/** One prediction, as the fake server keeps it. */
export class ReplicatePrediction {
  readonly job: ScriptedJob;
  readonly model: string;
  readonly version: string;
  readonly input: Readonly<Record<string, unknown>>;
  readonly webhook: string | undefined;
  readonly webhookEventsFilter: readonly WebhookEvent[];
  readonly deployment: string | undefined;
  readonly deadlineAt: number | undefined;
  /** Requests about this prediction, per phase. */
  readonly requestCounts: Record<ReplicatePhase, number> = { submit: 1, status: 0, stream: 0, cancel: 0, list: 0, upload: 0, file: 0, media: 0 };
  /** Callbacks of held requests and streams, run when the job changes outside its script (cancel). */
  readonly wakers = new Set<() => void>();
  readonly #buildOutput: () => ReplicateOutput;
  #output: ReplicateOutput | undefined;

  constructor(init: ReplicatePredictionInit) {
    this.job = init.job;
    this.model = init.model;
    this.version = init.version;
    this.input = init.input;
    this.webhook = init.webhook;
    this.webhookEventsFilter = init.webhookEventsFilter;
    this.deployment = init.deployment;
    this.deadlineAt = init.deadlineAt;
    this.#buildOutput = init.buildOutput;
    // Cancel-After is a cancel scheduled in advance; the job's state stays a function of time.
    if (init.deadlineAt !== undefined) init.job.cancel(init.deadlineAt);
  }

  get id(): string {
    return this.job.id;
  }

  /** The output (built on first use, then fixed). */
  get output(): ReplicateOutput {
    this.#output ??= this.#buildOutput();
    return this.#output;
  }

  /** The status at a snapshot. */
  status(snapshot: JobSnapshot): PredictionStatus {
    if (snapshot.phase === 'queued') return 'starting';
    if (snapshot.phase === 'running') return 'processing';
    return terminalStatus(snapshot.result, this.job.cancelledAt === this.deadlineAt);
  }

  /** Runs and forgets the wakers (a cancel changed the job). */
  wake(): void {
    for (const wake of [...this.wakers]) wake();
  }
}

function terminalStatus(result: JobResult | undefined, byDeadline: boolean): PredictionStatus {
  switch (result?.kind) {
    case 'success':
      return 'succeeded';
    case 'cancelled':
      return result.while === 'queued' && byDeadline ? 'aborted' : 'canceled';
    default:
      return 'failed';
  }
}

/** Whether a status is terminal. */
export function isTerminalStatus(status: PredictionStatus): boolean {
  return status !== 'starting' && status !== 'processing';
}

const TQDM_WIDTH = 10;
const PROGRESS_LINE = /^Progress: (\d+)%$/;

/** A progress step as tqdm prints it, e.g. ` 45%|████▌     | 45/100 [00:02<00:03, 20.00it/s]`. */
export function tqdmLine(percent: number): string {
  const filled = (percent / 100) * TQDM_WIDTH;
  const whole = Math.floor(filled);
  const partial = filled - whole >= 0.5 && whole < TQDM_WIDTH ? '▌' : '';
  const bar = `${'█'.repeat(whole)}${partial}`.padEnd(TQDM_WIDTH, ' ');
  return `${String(percent).padStart(3, ' ')}%|${bar}| ${percent}/100 [00:0${Math.floor(percent / 20)}<00:0${Math.floor((100 - percent) / 20)}, 20.00it/s]`;
}

function logLine(entry: JobLogEntry): string {
  const progress = PROGRESS_LINE.exec(entry.message);
  return progress ? tqdmLine(Number(progress[1])) : entry.message;
}

const iso = (at: number | undefined): string | undefined => (at === undefined ? undefined : new Date(at).toISOString());

/** The Prediction object of wire.md §2.3 at `now`, with every required field and `urls` on the fake origin. */
export function predictionBody(origin: string, prediction: ReplicatePrediction, now: number = Date.now()): Record<string, unknown> {
  const snapshot = prediction.job.snapshot(now);
  const status = prediction.status(snapshot);
  const get = `${origin}/v1/predictions/${prediction.id}`;
  const terminal = isTerminalStatus(status);
  const startedAt = snapshot.startedAt;
  const completedAt = snapshot.completedAt;
  const result = snapshot.result;
  const error = result?.kind === 'moderation' ? NSFW_ERROR : result?.kind === 'failure' ? result.failure.error : null;
  return {
    id: prediction.id,
    model: prediction.model,
    version: prediction.version,
    input: prediction.input,
    logs: snapshot.logs.map(logLine).join('\n'),
    output: status === 'succeeded' ? prediction.output.output : null,
    data_removed: false,
    error,
    status,
    source: 'api',
    created_at: iso(prediction.job.submittedAt),
    ...(startedAt !== undefined ? { started_at: iso(startedAt) } : {}),
    ...(terminal && completedAt !== undefined ? { completed_at: iso(completedAt) } : {}),
    ...(prediction.deadlineAt !== undefined ? { deadline: iso(prediction.deadlineAt) } : {}),
    ...(prediction.deployment !== undefined ? { deployment: prediction.deployment } : {}),
    ...(terminal && completedAt !== undefined
      ? {
          metrics: {
            predict_time: startedAt === undefined ? 0 : (completedAt - startedAt) / 1000,
            total_time: (completedAt - prediction.job.submittedAt) / 1000,
          },
        }
      : {}),
    urls: { get, cancel: `${get}/cancel`, stream: `${get}/stream`, web: `${origin}/p/${prediction.id}` },
  };
}
