import {
  GenerationFailedError,
  readJsonBody,
  readBodyLenient,
  ValidationError,
  type CallContext,
  type CancelOutcome,
  type JobHandle,
  type JobStatusSnapshot,
  type PreparedRequest,
  type ProviderJobMethods,
  type ProviderVideoResult,
  type StartedJob,
} from '@tarash/core';
import { sizeToAspectRatio } from '../mapping/aspect-ratio-field';
import { checkFirstFrame } from '../mapping/first-frame';
import type { StabilityFormBody } from '../mapping/form-field-rules';
import type { ResolvedStabilityOptions } from '../stability-provider-options';
import { readStabilityProviderConfig } from '../stability-provider-config';
import { finishReasonWarnings } from '../transport/finish-reason';
import { buildStabilityForm } from '../transport/multipart-form';
import { stabilityHttpError } from '../transport/stability-error';
import { readStabilityResult } from '../transport/stability-result';
import type { StabilityTransport } from '../transport/stability-transport';

const FIRST_FRAME_TYPES = ['image/png', 'image/jpeg'];

/**
 * A 404 at start: the endpoint is gone from Stability's current spec. Retrying Stability cannot
 * help, but another video provider in the chain can, so the chain falls back.
 */
const RETIRED = {
  message:
    "Stability's image-to-video endpoint (POST /v2beta/image-to-video) appears to be retired: it is missing from Stability's current API spec and answered 404. Use another provider for video",
  fallBack: true,
};

/** A 404 while polling: this job is gone; nothing would bring it back. */
const NOT_FOUND = {
  message: 'Stability does not know this image-to-video generation: the id is unknown, its result expired (results are kept 24 h), or it was started with another API key',
  fallBack: false,
};

const NO_CANCEL = 'Stability has no cancel endpoint for image-to-video: the job runs to completion and is billed';

/** The image-to-video job split: start → `{id}`, poll the result URL, bytes when done. */
export function stabilityVideoJobs(transport: StabilityTransport, options: ResolvedStabilityOptions): ProviderJobMethods<ProviderVideoResult> {
  const accept = (context: CallContext) => (readStabilityProviderConfig(context.providerConfig, context).responseFormat === 'json' ? 'application/json' : 'video/*');

  /** The result request; 202 (running) and 403 (moderated) are answers, not errors. */
  const fetchResult = (handle: JobHandle, context: CallContext, phase: 'status' | 'result') =>
    transport.send(context, {
      method: 'GET',
      target: String(handle.data.resultUrl),
      accept: accept(context),
      phase,
      requestId: handle.requestId,
      acceptStatus: (status) => status === 202 || status === 403,
      notFound: NOT_FOUND,
    });

  const toResult = async (response: Response, handle: JobHandle, context: CallContext, phase: 'status' | 'result'): Promise<ProviderVideoResult> => {
    const result = await readStabilityResult(response, context, 'video', phase);
    const config = readStabilityProviderConfig(context.providerConfig, context);
    const warnings = finishReasonWarnings(result, config.contentFiltered, context, handle.requestId);
    const { width, height } = handle.data;
    const size = typeof width === 'number' && typeof height === 'number' ? { width, height } : undefined;
    return {
      requestId: handle.requestId,
      video: { data: result.bytes, mediaType: result.mediaType },
      contentType: result.mediaType,
      rawResponse: result.rawResponse,
      ...(size ? { resolution: `${size.width}x${size.height}`, aspectRatio: sizeToAspectRatio(`${size.width}x${size.height}`) } : {}),
      ...(warnings.length > 0 ? { warnings } : {}),
    };
  };

  /** A moderated job is a terminal failure, reported as a snapshot so the orchestrator records it as the job's outcome. */
  const moderated = async (response: Response, handle: JobHandle, context: CallContext): Promise<JobStatusSnapshot<ProviderVideoResult>> => {
    const body = await readBodyLenient(response);
    const error = stabilityHttpError(
      { status: 403, headers: response.headers, body, phase: 'status', provider: context.provider, model: context.model, requestId: handle.requestId },
      { rateLimitTimeoutMs: options.rateLimit.timeoutMs },
    );
    return { status: 'failed', error, rawResponse: body };
  };

  return {
    async start(prepared: PreparedRequest, context: CallContext): Promise<StartedJob<ProviderVideoResult>> {
      const { form, files } = await buildStabilityForm(prepared.body as StabilityFormBody, context, 'upload', FIRST_FRAME_TYPES);
      const frame = files.find((file) => file.field === 'image');
      const checked = frame ? checkFirstFrame(frame.bytes, frame.source) : undefined;
      if (checked && 'issue' in checked) throw new ValidationError({ provider: context.provider, model: context.model, issues: [checked.issue] });
      const response = await transport.send(context, { method: 'POST', target: prepared.route?.path ?? '', accept: 'application/json', body: form, phase: 'submit', notFound: RETIRED });
      const body = await readJsonBody<{ id?: unknown }>(response, context, 'submit');
      if (typeof body.id !== 'string' || body.id === '') {
        throw new GenerationFailedError({
          provider: context.provider,
          model: context.model,
          phase: 'submit',
          message: `${context.provider} accepted the image-to-video request without a generation id`,
          rawResponse: body,
          jobMayExist: true,
        });
      }
      const handle: JobHandle = {
        version: 1,
        provider: context.provider,
        model: context.model,
        modality: 'video',
        requestId: body.id,
        createdAt: new Date().toISOString(),
        data: { resultUrl: transport.url(context, `/v2beta/image-to-video/result/${encodeURIComponent(body.id)}`), ...(checked ? { width: checked.width, height: checked.height } : {}) },
        warnings: prepared.warnings,
      };
      return { handle };
    },

    async getStatus(handle: JobHandle, context: CallContext): Promise<JobStatusSnapshot<ProviderVideoResult>> {
      const response = await fetchResult(handle, context, 'status');
      if (response.status === 202) {
        // "Poll at most every 10 s": the next check waits at least that long.
        return { status: 'processing', rawResponse: await readBodyLenient(response), retryAfterMs: Math.max(options.minVideoPollIntervalMs, context.pollIntervalMs) };
      }
      if (response.status === 403) return moderated(response, handle, context);
      const result = await toResult(response, handle, context, 'status');
      return { status: 'completed', result, rawResponse: result.rawResponse };
    },

    async getResult(handle: JobHandle, context: CallContext): Promise<ProviderVideoResult> {
      const response = await fetchResult(handle, context, 'result');
      if (response.status === 403) throw (await moderated(response, handle, context)).error;
      if (response.status === 202) {
        await readBodyLenient(response);
        throw new GenerationFailedError({
          provider: context.provider,
          model: context.model,
          requestId: handle.requestId,
          phase: 'result',
          message: `${context.provider} image-to-video ${handle.requestId} is still in progress`,
          isRetryable: true,
        });
      }
      return toResult(response, handle, context, 'result');
    },

    async cancel(): Promise<CancelOutcome> {
      return { cancelled: false, reason: NO_CANCEL };
    },
  };
}
