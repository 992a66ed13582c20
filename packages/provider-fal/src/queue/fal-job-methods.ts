import type { CallContext, ProviderJobMethods } from '@tarash/core';
import { resolveFalSettings, type FalSettings, type FalSettingsInput } from '../config/fal-settings';
import { resolveFalMedia } from '../media/resolve-fal-media';
import type { FalFinishedJob } from '../output/fal-result';
import { findFalModel } from '../routing/find-fal-model';
import { falJobHandle, readFalJob } from './fal-job-handle';
import { FalQueueClient } from './fal-queue-client';
import { FalProgressTracker } from './fal-queue-status';
import { falStatusSnapshot } from './fal-status-snapshot';
import { waitForFalCompletion } from './wait-for-fal-completion';

function connect(defaults: FalSettingsInput, context: CallContext): { settings: FalSettings; client: FalQueueClient } {
  const settings = resolveFalSettings(defaults, context);
  return { settings, client: new FalQueueClient(context, settings) };
}

/**
 * fal's job split for one modality: `start` resolves media (inline or upload) and submits
 * once; `waitForCompletion` follows the status stream; `getResult` reads the output through
 * `toResult`; `cancel` sends `PUT cancel_url`. Every method after `start` works from the JSON
 * handle alone, so a job can be resumed or cancelled from another process.
 */
export function falJobMethods<TResult>(defaults: FalSettingsInput, toResult: (job: FalFinishedJob) => TResult): ProviderJobMethods<TResult> {
  return {
    async start(prepared, context) {
      const { settings, client } = connect(defaults, context);
      const endpointId = prepared.route?.endpointId ?? prepared.model;
      const body = await resolveFalMedia(prepared.body, context, settings);
      const submission = await client.submit(endpointId, body);
      return {
        handle: falJobHandle({ ...submission, provider: context.provider, modality: context.modality, warnings: prepared.warnings }),
        snapshot: { status: 'queued', ...(submission.queuePosition !== undefined ? { queuePosition: submission.queuePosition } : {}) },
      };
    },
    async getStatus(handle, context) {
      const { settings, client } = connect(defaults, context);
      const job = readFalJob(handle, settings);
      return falStatusSnapshot(client, context, job, await client.status(job), new FalProgressTracker());
    },
    async getResult(handle, context) {
      const { settings, client } = connect(defaults, context);
      const job = readFalJob(handle, settings);
      const output = await client.result(job);
      return toResult({ provider: context.provider, model: handle.model, requestId: job.requestId, output, spec: findFalModel(job.endpointId)?.output });
    },
    async cancel(handle, context) {
      const { settings, client } = connect(defaults, context);
      return client.cancel(readFalJob(handle, settings));
    },
    async waitForCompletion(handle, context, onSnapshot) {
      const { settings, client } = connect(defaults, context);
      return waitForFalCompletion(client, context, settings, readFalJob(handle, settings), onSnapshot);
    },
  };
}
