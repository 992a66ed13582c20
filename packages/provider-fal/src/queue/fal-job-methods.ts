import type { CallContext, ProviderJobMethods } from '@tarash/core';
import { resolveFalSettings, type FalSettingsInput } from '../config/fal-settings';
import { resolveFalMedia } from '../media/resolve-fal-media';
import type { FalFinishedJob } from '../output/fal-result';
import { findFalModel } from '../routing/find-fal-model';
import { falJobHandle, readFalJob } from './fal-job-handle';
import { FalQueueClient } from './fal-queue-client';
import { FalProgressTracker } from './fal-queue-status';
import { falStatusSnapshot } from './fal-status-snapshot';
import { waitForFalCompletion } from './wait-for-fal-completion';

/**
 * fal's job split for one modality: `start` resolves media (inline or upload) and submits
 * once; `waitForCompletion` follows the status stream; `getResult` reads the output through
 * `toResult`; `cancel` sends `PUT cancel_url`. Every method after `start` works from the JSON
 * handle alone, so a job can be resumed or cancelled from another process.
 */
export function falJobMethods<TResult>(defaults: FalSettingsInput, toResult: (job: FalFinishedJob) => TResult): ProviderJobMethods<TResult> {
  // The orchestrator passes one context to every call of an attempt (start, wait, result), so
  // its settings are resolved and checked once per attempt rather than once per call.
  const clients = new WeakMap<CallContext, FalQueueClient>();
  const connect = (context: CallContext): FalQueueClient => {
    let client = clients.get(context);
    if (!client) {
      client = new FalQueueClient(context, resolveFalSettings(defaults, context));
      clients.set(context, client);
    }
    return client;
  };
  return {
    async start(prepared, context) {
      const client = connect(context);
      const endpointId = prepared.route?.endpointId ?? prepared.model;
      const body = await resolveFalMedia(prepared.body, context, client.settings);
      const submission = await client.submit(endpointId, body);
      return {
        handle: falJobHandle({ ...submission, provider: context.provider, modality: context.modality, warnings: prepared.warnings }),
        snapshot: { status: 'queued', ...(submission.queuePosition !== undefined ? { queuePosition: submission.queuePosition } : {}) },
      };
    },
    async getStatus(handle, context) {
      const client = connect(context);
      const job = readFalJob(handle, client.settings);
      return falStatusSnapshot(client, context, job, await client.status(job), new FalProgressTracker());
    },
    async getResult(handle, context) {
      const client = connect(context);
      const job = readFalJob(handle, client.settings);
      const output = await client.result(job);
      return toResult({ provider: context.provider, model: handle.model, requestId: job.requestId, output, spec: findFalModel(job.endpointId)?.output });
    },
    async cancel(handle, context) {
      const client = connect(context);
      return client.cancel(readFalJob(handle, client.settings));
    },
    async waitForCompletion(handle, context, onSnapshot) {
      const client = connect(context);
      return waitForFalCompletion(client, context, client.settings, readFalJob(handle, client.settings), onSnapshot);
    },
  };
}
