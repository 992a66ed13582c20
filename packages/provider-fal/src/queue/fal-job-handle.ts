import { safeParseWithMessages, ValidationError, zodIssuesToValidationIssues, type JobHandle, type Modality } from '@tarash/core';
import * as z from 'zod/mini';
import type { FalSettings } from '../config/fal-settings';

/** Where a fal job lives: the URLs submit returned (app-only on real fal; followed as given). */
export interface FalJobUrls {
  readonly statusUrl: string;
  readonly responseUrl: string;
  readonly cancelUrl: string;
}

/** A fal job read back from its handle. */
export interface FalJob {
  readonly requestId: string;
  readonly endpointId: string;
  readonly urls: FalJobUrls;
}

const falJobDataSchema = z.object({
  endpointId: z.string().check(z.minLength(1)),
  statusUrl: z.url(),
  responseUrl: z.url(),
  cancelUrl: z.url(),
  gatewayRequestId: z.optional(z.string()),
});

/**
 * The JSON handle of a submitted fal job. It holds the endpoint id and the job's URLs (enough
 * to watch, fetch and cancel it from any process) and never a key.
 */
export function falJobHandle(
  job: FalJob & { readonly provider: string; readonly gatewayRequestId?: string; readonly modality: Modality; readonly warnings: readonly string[] },
): JobHandle {
  return {
    version: 1,
    provider: job.provider,
    model: job.endpointId,
    modality: job.modality,
    requestId: job.requestId,
    createdAt: new Date().toISOString(),
    data: {
      endpointId: job.endpointId,
      statusUrl: job.urls.statusUrl,
      responseUrl: job.urls.responseUrl,
      cancelUrl: job.urls.cancelUrl,
      ...(job.gatewayRequestId !== undefined ? { gatewayRequestId: job.gatewayRequestId } : {}),
    },
    warnings: [...job.warnings],
  };
}

/** fal's own queue hosts (`queue.fal.run`, the backup `queue.falrun.com`, …), over https only. */
function isFalHost(url: URL): boolean {
  const host = url.hostname;
  return url.protocol === 'https:' && (host === 'fal.run' || host.endsWith('.fal.run') || host.endsWith('.fal.ai') || host.endsWith('.falrun.com'));
}

/** Handles already checked, per queue host: a job's handle is read on every status, result and cancel. */
const checkedHandles = new WeakMap<JobHandle, { readonly queueUrl: string; readonly job: FalJob }>();

/**
 * Reads a fal handle. Its URLs get the API key, and a handle may come from storage someone
 * else can write, so they must point at fal or at the configured queue host: a handle can
 * never send the key elsewhere.
 */
export function readFalJob(handle: JobHandle, settings: FalSettings): FalJob {
  const checked = checkedHandles.get(handle);
  if (checked?.queueUrl === settings.queueUrl) return checked.job;
  const job = checkFalJob(handle, settings);
  checkedHandles.set(handle, { queueUrl: settings.queueUrl, job });
  return job;
}

function checkFalJob(handle: JobHandle, settings: FalSettings): FalJob {
  const parsed = safeParseWithMessages(falJobDataSchema, handle.data);
  const fail = (issues: ValidationError['issues']): never => {
    throw new ValidationError({ provider: handle.provider, model: handle.model, requestId: handle.requestId, context: 'Invalid fal job handle', issues });
  };
  if (!parsed.success) return fail(zodIssuesToValidationIssues(parsed.error.issues, handle.data, { root: 'handle.data' }));
  const data = parsed.data;
  const queueOrigin = new URL(settings.queueUrl).origin;
  for (const key of ['statusUrl', 'responseUrl', 'cancelUrl'] as const) {
    const url = new URL(data[key]);
    if (url.origin !== queueOrigin && !isFalHost(url)) {
      fail([{ field: `handle.data.${key}`, value: data[key], message: `is neither a fal host nor the configured queue host; the API key is only sent to those`, allowed: [queueOrigin, 'https://*.fal.run', 'https://*.fal.ai'] }]);
    }
  }
  return { requestId: handle.requestId, endpointId: data.endpointId, urls: { statusUrl: data.statusUrl, responseUrl: data.responseUrl, cancelUrl: data.cancelUrl } };
}
