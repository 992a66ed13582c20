import {
  GenerationFailedError,
  ValidationError,
  resolvePendingMedia,
  type CallContext,
  type JobHandle,
  type JobStatusSnapshot,
  type JsonObject,
  type PreparedRequest,
  type ProviderJobMethods,
  type ProviderVideoResult,
} from '@tarash/core';
import { modelMethodUrl, operationPoll } from '../config/google-endpoints';
import type { GoogleSettings } from '../config/google-provider-config';
import type { VeoRequestBody } from '../mapping/veo-request';
import { readVeoOperation } from '../results/veo-operation';
import { needsDownload, veoResult } from '../results/veo-result';
import { callGoogle } from '../transport/google-call';
import { toGoogleImage, toGoogleVideo } from '../transport/input-media';
import type { SettingsSource } from './google-settings-source';

/** Why a Veo job cannot be cancelled (wire.md §4.2: neither API documents a cancel). */
export const VEO_CANCEL_UNSUPPORTED = 'Google has no cancel for Veo operations (Gemini API or Vertex AI); the job runs to completion and is billed';

/** What a Veo handle keeps: the API, the operation to poll, and the requested format for the result. */
function handleData(settings: GoogleSettings, operationName: string, parameters: Readonly<Record<string, unknown>>): JsonObject {
  const data: JsonObject = { api: settings.api, operationName };
  for (const key of ['durationSeconds', 'resolution', 'aspectRatio'] as const) {
    const value = parameters[key];
    if (typeof value === 'string' || typeof value === 'number') data[key] = value;
  }
  return data;
}

/**
 * The Veo job split over `predictLongRunning` (wire.md §4.2, §4.6): `start` sends the body once
 * and keeps the operation name in a JSON handle; `getStatus` polls the operation (`GET` on the
 * Gemini API, `fetchPredictOperation` on Vertex AI) and returns the result with the completed
 * snapshot when nothing needs downloading; `getResult` downloads the videos of the completed
 * operation (reading it again only when it has no completed snapshot, e.g. `getResult` alone). `cancel` reports that Google offers none.
 */
export function veoJobs(settingsOf: SettingsSource): ProviderJobMethods<ProviderVideoResult> {
  const settingsFor = (context: CallContext): GoogleSettings => settingsOf(context.providerConfig, context);

  /** The settings of a handle's job; a job started on one API cannot be polled through the other. */
  const settingsForHandle = (handle: JobHandle, context: CallContext): GoogleSettings => {
    const settings = settingsFor(context);
    if (handle.data.api !== settings.api) {
      const started = handle.data.api === 'vertex' ? 'Vertex AI' : 'the Gemini API';
      throw new ValidationError({
        provider: handle.provider,
        model: handle.model,
        requestId: handle.requestId,
        issues: [{ field: 'config.providerConfig.project', value: settings.api === 'vertex' ? 'set' : 'not set', message: `job ${handle.requestId} was started on ${started}; resume it with a config for ${started}` }],
      });
    }
    return settings;
  };

  const outcomeOf = (handle: JobHandle, operation: unknown) => ({
    operation,
    outcome: readVeoOperation(operation, { provider: handle.provider, model: handle.model, requestId: handle.requestId }),
  });

  const readOperation = async (handle: JobHandle, context: CallContext, settings: GoogleSettings) => {
    const poll = operationPoll(settings, context.baseUrl, String(handle.data.operationName));
    return outcomeOf(handle, await callGoogle<unknown>(context, settings, { ...poll, phase: 'status', requestId: handle.requestId }));
  };

  return {
    async start(prepared: PreparedRequest, context: CallContext) {
      const settings = settingsFor(context);
      if (context.webhookUrl !== undefined) {
        context.logger({ level: 'warn', message: 'webhookUrl is not used: Google calls no webhook for Veo jobs here; the operation is polled', provider: context.provider, model: context.model });
      }
      const body = await resolvePendingMedia(prepared.body as VeoRequestBody, (media) => (media.kind === 'video' ? toGoogleVideo(media, settings, context) : toGoogleImage(media, context)));
      const url = modelMethodUrl(settings, context.baseUrl, context.model, 'predictLongRunning');
      const answer = await callGoogle<{ name?: unknown }>(context, settings, { method: 'POST', url, json: body, phase: 'submit' });
      if (typeof answer?.name !== 'string' || answer.name === '') {
        throw new GenerationFailedError({
          provider: context.provider,
          model: context.model,
          phase: 'submit',
          rawResponse: answer,
          jobMayExist: true,
          message: `${context.provider} accepted the ${context.model} request but sent no operation name`,
        });
      }
      const handle: JobHandle = {
        version: 1,
        provider: context.provider,
        model: context.model,
        modality: 'video',
        requestId: answer.name,
        createdAt: new Date().toISOString(),
        data: handleData(settings, answer.name, body.parameters),
        warnings: [...prepared.warnings],
      };
      return { handle };
    },

    async getStatus(handle: JobHandle, context: CallContext): Promise<JobStatusSnapshot<ProviderVideoResult>> {
      const settings = settingsForHandle(handle, context);
      const { operation, outcome } = await readOperation(handle, context, settings);
      if (outcome.state === 'running') return { status: 'processing', rawResponse: operation };
      if (outcome.state === 'failed') return { status: 'failed', error: outcome.error, rawResponse: operation };
      if (needsDownload(outcome.videos, settings)) return { status: 'completed', rawResponse: operation };
      return { status: 'completed', result: await veoResult(handle, outcome.videos, outcome.warnings, operation, context, settings) };
    },

    async getResult(handle: JobHandle, context: CallContext, completed?: JobStatusSnapshot<ProviderVideoResult>): Promise<ProviderVideoResult> {
      const settings = settingsForHandle(handle, context);
      // The completed poll already holds the operation: only a resumed job needs to read it again.
      const { operation, outcome } = completed?.rawResponse !== undefined ? outcomeOf(handle, completed.rawResponse) : await readOperation(handle, context, settings);
      if (outcome.state === 'failed') throw outcome.error;
      if (outcome.state === 'running') {
        throw new GenerationFailedError({ provider: handle.provider, model: handle.model, requestId: handle.requestId, phase: 'result', rawResponse: operation, message: `${handle.provider} operation ${handle.requestId} is still running` });
      }
      return veoResult(handle, outcome.videos, outcome.warnings, operation, context, settings);
    },

    async cancel() {
      return { cancelled: false, reason: VEO_CANCEL_UNSUPPORTED };
    },
  };
}
