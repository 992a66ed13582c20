import type { ContractIssue } from '../common/contracts/contract-issue';
import type { JobFailure } from '../common/job-script';
import type { SampleMedia } from '../common/media/sample-media';
import type { JobResult, JobSnapshot, ScriptedJob } from '../common/scripted-job';
import { contentPolicyDetail, CONTENT_POLICY_MESSAGE } from './fal-errors';
import type { FalEndpointId } from './fal-endpoint-id';
import type { FalOutput } from './fal-output';

/** The protocol phases of the fake fal server (fault targets and recording labels). */
export type FalPhase = 'submit' | 'status' | 'stream' | 'result' | 'cancel' | 'upload' | 'media';

/** Every {@link FalPhase}. */
export const FAL_PHASES: readonly FalPhase[] = ['submit', 'status', 'stream', 'result', 'cancel', 'upload', 'media'];

/** What a {@link FalJob} is made of. */
export interface FalJobInit {
  readonly job: ScriptedJob;
  readonly endpoint: FalEndpointId;
  readonly input: Readonly<Record<string, unknown>>;
  readonly webhookUrl: string | undefined;
  readonly validationIssues: readonly ContractIssue[];
  readonly gatewayRequestId: string;
  /** Builds the output the first time it is needed. */
  readonly buildOutput: () => FalOutput;
}

/** One submitted fal request, as the fake server keeps it. */
export class FalJob {
  readonly job: ScriptedJob;
  readonly endpoint: FalEndpointId;
  readonly input: Readonly<Record<string, unknown>>;
  readonly webhookUrl: string | undefined;
  readonly validationIssues: readonly ContractIssue[];
  readonly gatewayRequestId: string;
  /** Requests about this job, per phase. */
  readonly requestCounts: Record<FalPhase, number> = { submit: 1, status: 0, stream: 0, result: 0, cancel: 0, upload: 0, media: 0 };
  /** Callbacks of open status streams, run when the job changes outside its script (cancel). */
  readonly wakers = new Set<() => void>();
  readonly #buildOutput: () => FalOutput;
  #output: FalOutput | undefined;

  constructor(init: FalJobInit) {
    this.job = init.job;
    this.endpoint = init.endpoint;
    this.input = init.input;
    this.webhookUrl = init.webhookUrl;
    this.validationIssues = init.validationIssues;
    this.gatewayRequestId = init.gatewayRequestId;
    this.#buildOutput = init.buildOutput;
  }

  get requestId(): string {
    return this.job.id;
  }

  /** The output (built on first use, then fixed). */
  get output(): FalOutput {
    this.#output ??= this.#buildOutput();
    return this.#output;
  }

  /** A media file of the output, once the output exists. */
  media(fileName: string): SampleMedia | undefined {
    return this.#output?.media.get(fileName);
  }
}

/** URLs of a job, app-only as fal returns them. */
export function falJobUrls(origin: string, job: FalJob): { response_url: string; status_url: string; cancel_url: string } {
  const base = `${origin}/${job.endpoint.appId}/requests/${job.requestId}`;
  return { response_url: base, status_url: `${base}/status`, cancel_url: `${base}/cancel` };
}

/** The failure a result carries: status, body, headers, and the status `error`/`error_type`. */
export interface FalFailureRendering {
  readonly httpStatus: number;
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string>>;
  readonly error: string;
  readonly errorType: string;
}

function renderFailure(failure: JobFailure): FalFailureRendering {
  const errorType = failure.errorType ?? 'internal_error';
  return {
    httpStatus: failure.httpStatus ?? 500,
    body: failure.body ?? { detail: failure.error, error_type: errorType },
    headers: {
      'x-fal-error-type': errorType,
      ...(failure.retryable !== undefined ? { 'x-fal-retryable': String(failure.retryable) } : {}),
      ...failure.headers,
    },
    error: failure.error,
    errorType,
  };
}

/** How a finished job's failure looks on the wire; undefined for a success. */
export function falFailure(result: JobResult, input: unknown): FalFailureRendering | undefined {
  switch (result.kind) {
    case 'success':
      return undefined;
    case 'moderation':
      return {
        httpStatus: 422,
        body: { detail: [contentPolicyDetail(input)] },
        headers: { 'x-fal-retryable': 'false' },
        error: CONTENT_POLICY_MESSAGE,
        errorType: 'content_policy_violation',
      };
    case 'cancelled':
      // Undocumented; a third party reports 499 client_cancelled (wire.md §1.6, [C]).
      return {
        httpStatus: 499,
        body: { detail: 'Request was cancelled', error_type: 'client_cancelled' },
        headers: { 'x-fal-error-type': 'client_cancelled' },
        error: 'Request was cancelled',
        errorType: 'client_cancelled',
      };
    case 'failure':
      return renderFailure(result.failure);
  }
}

/** A fal log entry. */
export interface FalLog {
  readonly message: string;
  readonly level: string;
  readonly source: 'USER';
  readonly timestamp: string;
}

/**
 * The queue status body of a job at a snapshot. `logs` is always present (null when logs are
 * off) and so is `response_url`, because fal's clients require both.
 */
export function falStatusBody(origin: string, job: FalJob, snapshot: JobSnapshot, logs: readonly FalLog[] | null): Record<string, unknown> {
  const common = { request_id: job.requestId, ...falJobUrls(origin, job), logs };
  switch (snapshot.phase) {
    case 'queued':
      return { status: 'IN_QUEUE', ...common, queue_position: snapshot.queuePosition };
    case 'running':
      return { status: 'IN_PROGRESS', ...common };
    case 'completed': {
      const startedAt = snapshot.startedAt ?? snapshot.completedAt ?? 0;
      const failure = snapshot.result ? falFailure(snapshot.result, job.input) : undefined;
      return {
        status: 'COMPLETED',
        ...common,
        metrics: { inference_time: ((snapshot.completedAt ?? startedAt) - startedAt) / 1000 },
        ...(failure ? { error: failure.error, error_type: failure.errorType } : {}),
      };
    }
  }
}

/** Log entries of a snapshot in fal's shape. */
export function falLogs(snapshot: JobSnapshot): FalLog[] {
  return snapshot.logs.map((log) => ({ message: log.message, level: log.level, source: 'USER', timestamp: new Date(log.at).toISOString() }));
}
