import { readBodyLenient, type CallContext, type CancelOutcome, withRequestTimeout } from '@tarash/core';
import type { FalSettings } from '../config/fal-settings';
import { appendUrlPath, fetchFalJson, sendFalRequest, unreadableFalBody } from '../http/fal-http';
import { falAppId } from '../routing/fal-endpoint-id';
import { isJsonObject, isNullishQueuePosition, isNullishString, isOptionalString } from './fal-answer-checks';
import type { FalJob, FalJobUrls } from './fal-job-handle';
import { parseFalQueueStatus, type FalQueueStatus } from './fal-queue-status';

/** The fields of a submit answer the SDK reads (fal sends more). */
interface FalSubmitAnswer {
  readonly request_id: string;
  readonly status_url?: string;
  readonly response_url?: string;
  readonly cancel_url?: string;
  readonly queue_position?: number | null;
  readonly gateway_request_id?: string | null;
}

function isFalSubmitAnswer(body: unknown): body is FalSubmitAnswer {
  return (
    isJsonObject(body) &&
    typeof body.request_id === 'string' &&
    body.request_id !== '' &&
    isOptionalString(body.status_url) &&
    isOptionalString(body.response_url) &&
    isOptionalString(body.cancel_url) &&
    isNullishQueuePosition(body.queue_position) &&
    isNullishString(body.gateway_request_id)
  );
}

/** What fal answered to a submit. */
export interface FalSubmission extends FalJob {
  readonly queuePosition?: number;
  readonly gatewayRequestId?: string;
}

/** A finished job's output and what fal reports for billing. */
export interface FalJobOutput {
  readonly output: unknown;
  /** `x-fal-billable-units`, when fal sent it. */
  readonly billableUnits?: number;
}

/** The answer of a failed job's result request. */
export interface FalFailedResult {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

/**
 * fal's queue API for one call context (wire.md §1): submit to the full endpoint id, then
 * status, result and cancel at the URLs the submit returned.
 */
export class FalQueueClient {
  constructor(
    private readonly context: CallContext,
    readonly settings: FalSettings,
  ) {}

  /** `POST {queue}/{endpoint id}[?fal_webhook=…]`; an error here must not be retried blindly (see `jobMayExist`). */
  async submit(endpointId: string, body: unknown): Promise<FalSubmission> {
    const url = new URL(`${this.settings.queueUrl}/${endpointId}`);
    if (this.context.webhookUrl !== undefined) url.searchParams.set('fal_webhook', this.context.webhookUrl);
    const response = await fetchFalJson<unknown>(this.context, { method: 'POST', url: url.href, json: body, phase: 'submit' }, this.settings.requestTimeoutMs);
    const submitted = response.body;
    if (!isFalSubmitAnswer(submitted)) throw unreadableFalBody(this.context, 'submit', 'a submit answer without request_id', submitted);
    // fal always returns the URLs; were one missing, it would live under owner/app (wire.md §1.1).
    const base = () => `${this.settings.queueUrl}/${falAppId(endpointId)}/requests/${submitted.request_id}`;
    return {
      requestId: submitted.request_id,
      endpointId,
      urls: {
        statusUrl: submitted.status_url ?? `${base()}/status`,
        responseUrl: submitted.response_url ?? base(),
        cancelUrl: submitted.cancel_url ?? `${base()}/cancel`,
      },
      ...(submitted.queue_position != null ? { queuePosition: submitted.queue_position } : {}),
      ...(submitted.gateway_request_id != null ? { gatewayRequestId: submitted.gateway_request_id } : {}),
    };
  }

  /** One status check, with logs. */
  async status(job: FalJob): Promise<FalQueueStatus> {
    const url = new URL(job.urls.statusUrl);
    url.searchParams.set('logs', '1');
    const response = await fetchFalJson<unknown>(this.context, { method: 'GET', url: url.href, phase: 'status', requestId: job.requestId }, this.settings.requestTimeoutMs);
    return parseFalQueueStatus(response.body, this.context, job.requestId);
  }

  /** The output of a successful job, with its billable units. */
  async result(job: FalJob): Promise<FalJobOutput> {
    const response = await fetchFalJson<unknown>(
      this.context,
      { method: 'GET', url: job.urls.responseUrl, phase: 'result', requestId: job.requestId },
      this.settings.requestTimeoutMs,
    );
    const units = Number.parseFloat(response.headers.get('x-fal-billable-units') ?? '');
    return { output: response.body, ...(Number.isFinite(units) ? { billableUnits: units } : {}) };
  }

  /**
   * The result answer of a job that completed with an error (fal returns the model's error
   * status and body there), or undefined when it cannot be read; the status error then stands.
   */
  async failedResult(job: FalJob): Promise<FalFailedResult | undefined> {
    try {
      return await withRequestTimeout(this.context, 'result', this.settings.requestTimeoutMs, async (signal) => {
        const response = await sendFalRequest(this.context, { method: 'GET', url: job.urls.responseUrl, phase: 'result', requestId: job.requestId, acceptStatus: () => true }, signal);
        return { status: response.status, headers: response.headers, body: await readBodyLenient(response) };
      });
    } catch (error) {
      if (this.context.signal.aborted) throw error;
      return undefined;
    }
  }

  /**
   * `PUT cancel_url`: any 2xx is a cancellation (fal documents 202 `CANCELLATION_REQUESTED`, its
   * OpenAPI says 200 `{success}`); 400 `ALREADY_COMPLETED` and 404 are answers, not errors.
   */
  async cancel(job: FalJob): Promise<CancelOutcome> {
    return withRequestTimeout(this.context, 'cancel', this.settings.requestTimeoutMs, async (signal) => {
      const response = await sendFalRequest(
        this.context,
        { method: 'PUT', url: job.urls.cancelUrl, phase: 'cancel', requestId: job.requestId, acceptStatus: (status) => status === 400 || status === 404 },
        signal,
      );
      const body = await readBodyLenient(response);
      if (response.ok) {
        const refused = typeof body === 'object' && body !== null && (body as { success?: unknown }).success === false;
        return refused ? { cancelled: false, reason: 'fal answered success: false', rawResponse: body } : { cancelled: true, rawResponse: body };
      }
      const status = typeof body === 'object' && body !== null ? (body as { status?: unknown }).status : undefined;
      const reason = status === 'ALREADY_COMPLETED' ? 'the job had already completed' : `fal refused the cancel (HTTP ${response.status}${typeof status === 'string' ? ` ${status}` : ''})`;
      return { cancelled: false, reason, rawResponse: body };
    });
  }
}

/** The status stream URL of a job: `{status_url}/stream?logs=1` (wire.md §1.4). */
export function falStatusStreamUrl(urls: FalJobUrls): string {
  const url = new URL(appendUrlPath(urls.statusUrl, 'stream'));
  url.searchParams.set('logs', '1');
  return url.href;
}
