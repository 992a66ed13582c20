import {
  GenerationFailedError,
  HTTPError,
  type CallContext,
  type CancelOutcome,
  type JobHandle,
  type JobStatusSnapshot,
  type PreparedRequest,
  type ProviderJobMethods,
  type StartedJob,
} from '@tarash/core';
import { readProviderConfig, type ReplicateProviderConfig } from '../provider-config';
import type { ReplicateRoute } from '../replicate-route';
import { resolveInputMedia } from './media-upload';
import { isPrediction, isTerminal, type Prediction } from './prediction';
import { predictionHandle } from './prediction-handle';
import { observePrediction } from './prediction-snapshot';
import { apiBase, callReplicate, trustedUrl } from './replicate-api';

/** Transport settings shared by every call of a provider instance. */
export interface ReplicateTransportOptions {
  readonly baseUrl: string | undefined;
  /** Default `Prefer: wait` seconds (1..60), or false. */
  readonly preferWaitSeconds: number | false;
  /** Files up to this size go inline as data URIs; larger ones are uploaded. */
  readonly inlineMediaMaxBytes: number;
}

/** Seconds kept back from the deadline so a held create returns before the attempt times out. */
const DEADLINE_MARGIN_SECONDS = 1;

/**
 * `Prefer: wait=N` for a create: the configured seconds, capped by what is left before the
 * deadline; none when less than a second is left or waiting is turned off.
 */
export function preferHeader(config: ReplicateProviderConfig, options: ReplicateTransportOptions, deadline: number, now: number = Date.now()): Record<string, string> {
  const wanted = config.preferWait ?? options.preferWaitSeconds;
  if (wanted === false) return {};
  const seconds = Math.min(wanted, Math.floor((deadline - now) / 1000) - DEADLINE_MARGIN_SECONDS);
  return seconds >= 1 ? { Prefer: `wait=${seconds}` } : {};
}

function expectPrediction(body: unknown, context: CallContext, status: number, phase: 'submit' | 'status' | 'cancel'): Prediction {
  if (isPrediction(body)) return body;
  throw new HTTPError({
    provider: context.provider,
    model: context.model,
    phase,
    statusCode: status,
    message: `Replicate answered HTTP ${status} during ${phase} without a prediction (no id or status)`,
    rawResponse: body,
    isRetryable: true,
    // A successful create answer may stand for a job even when it is unreadable.
    jobMayExist: phase === 'submit',
  });
}

/**
 * The job split over Replicate's predictions API: `start` uploads media and creates the
 * prediction (holding the connection with `Prefer: wait`, so short jobs come back finished in
 * that one request), `getStatus` reads `urls.get`, `cancel` posts to `urls.cancel`. Each status
 * reports only the log lines not reported before for that handle.
 */
export function replicateJobs<TResult>(options: ReplicateTransportOptions, toResult: (prediction: Prediction) => TResult | undefined): ProviderJobMethods<TResult> {
  const seenLogLines = new WeakMap<JobHandle, number>();

  const observe = (prediction: Prediction, handle: JobHandle, context: CallContext): JobStatusSnapshot<TResult> => {
    const { snapshot, logLines } = observePrediction(prediction, context, seenLogLines.get(handle) ?? 0, toResult);
    seenLogLines.set(handle, logLines);
    return snapshot;
  };

  const fetchPrediction = async (handle: JobHandle, context: CallContext): Promise<Prediction> => {
    const base = apiBase(context, options.baseUrl);
    const url = trustedUrl(handle.data.getUrl, base, `${base}/predictions/${handle.requestId}`);
    const { status, body } = await callReplicate<unknown>(context, { method: 'GET', url, phase: 'status', requestId: handle.requestId });
    return expectPrediction(body, context, status, 'status');
  };

  return {
    async start(prepared: PreparedRequest, context: CallContext): Promise<StartedJob<TResult>> {
      const config = readProviderConfig(context.providerConfig, context.provider, context.model);
      const route = prepared.route as unknown as ReplicateRoute;
      const base = apiBase(context, options.baseUrl);
      const input = await resolveInputMedia(prepared.body, context, base, options.inlineMediaMaxBytes);
      const body = {
        ...(route.version !== undefined ? { version: route.version } : {}),
        input,
        ...(context.webhookUrl !== undefined ? { webhook: context.webhookUrl } : {}),
        ...(context.webhookUrl !== undefined && config.webhookEventsFilter ? { webhook_events_filter: config.webhookEventsFilter } : {}),
      };
      const headers = { ...preferHeader(config, options, context.deadline), ...(config.cancelAfter !== undefined ? { 'Cancel-After': config.cancelAfter } : {}) };
      const created = await callReplicate<unknown>(context, { method: 'POST', url: `${base}${route.path}`, json: body, headers, phase: 'submit' });
      const prediction = expectPrediction(created.body, context, created.status, 'submit');
      const handle = predictionHandle(prediction, context, base, prepared.warnings);
      return { handle, snapshot: observe(prediction, handle, context) };
    },

    async getStatus(handle, context) {
      return observe(await fetchPrediction(handle, context), handle, context);
    },

    async getResult(handle, context) {
      const prediction = await fetchPrediction(handle, context);
      const result = prediction.status === 'succeeded' ? toResult(prediction) : undefined;
      if (result !== undefined) return result;
      throw new GenerationFailedError({
        provider: context.provider,
        model: context.model,
        requestId: handle.requestId,
        phase: 'result',
        isRetryable: false,
        message: `Replicate prediction ${handle.requestId} has no result (status ${prediction.status})`,
        rawResponse: prediction,
      });
    },

    async cancel(handle, context): Promise<CancelOutcome> {
      const base = apiBase(context, options.baseUrl);
      const url = trustedUrl(handle.data.cancelUrl, base, `${base}/predictions/${handle.requestId}/cancel`);
      const { status, body } = await callReplicate<unknown>(context, { method: 'POST', url, phase: 'cancel', requestId: handle.requestId });
      const prediction = expectPrediction(body, context, status, 'cancel');
      // A running prediction may answer "processing" for a moment while the cancel takes effect (wire.md §2.4).
      const stopped = prediction.status === 'canceled' || prediction.status === 'aborted' || !isTerminal(prediction.status);
      return stopped ? { cancelled: true, rawResponse: prediction } : { cancelled: false, reason: `the prediction already ${prediction.status}`, rawResponse: prediction };
    },
  };
}
