import {
  safeParseWithMessages,
  ValidationError,
  zodIssuesToValidationIssues,
  type JobStatusSnapshot,
  type Modality,
  type ProviderImageResult,
  type ProviderVideoResult,
  type WebhookDelivery,
} from '@tarash/core';
import * as z from 'zod/mini';
import { falJobFailure } from '../http/fal-errors';
import { detectFalOutputSpec } from '../output/fal-output-files';
import { falImageResult, falVideoResult } from '../output/fal-result';
import { findFalModel } from '../routing/find-fal-model';
import { deliveryText } from './webhook-delivery';

const webhookBodySchema = z.looseObject({
  request_id: z.string().check(z.minLength(1)),
  gateway_request_id: z.nullish(z.string()),
  status: z.enum(['OK', 'ERROR']),
  payload: z.unknown(),
  error: z.nullish(z.string()),
  payload_error: z.nullish(z.string()),
});

/** What a fal webhook reports. */
export interface ParsedFalWebhook {
  readonly requestId: string;
  readonly snapshot: JobStatusSnapshot<ProviderVideoResult | ProviderImageResult>;
}

/** What the receiver knows about the job, to read its output like `getResult` would. */
export interface ParseFalWebhookOptions {
  /** The job's endpoint id: its generated output spec is used. */
  readonly endpointId?: string;
  /** The job's modality; detected from the payload when omitted. */
  readonly modality?: Modality;
}

function invalid(issues: ValidationError['issues']): never {
  throw new ValidationError({ provider: 'fal', model: '(webhook)', context: 'Not a fal webhook body', issues });
}

/**
 * Reads a fal webhook delivery (wire.md §1.7) into a job snapshot: `OK` → `completed` with the
 * normalised result (when the payload has media of the job's kind; `payload: null` with
 * `payload_error` leaves the result to `resumeVideo`/`getResult`); `ERROR` → `failed` with the
 * same error a polled job would get (moderation, late 422, generation failure). Verify the
 * signature first.
 */
export function parseFalWebhook(delivery: WebhookDelivery, options: ParseFalWebhookOptions = {}): ParsedFalWebhook {
  let json: unknown;
  try {
    json = JSON.parse(deliveryText(delivery));
  } catch {
    return invalid([{ field: 'body', value: deliveryText(delivery).slice(0, 80), message: 'is not JSON' }]);
  }
  const parsed = safeParseWithMessages(webhookBodySchema, json);
  if (!parsed.success) return invalid(zodIssuesToValidationIssues(parsed.error.issues, json, { root: 'body' }));
  const body = parsed.data;
  const requestId = body.request_id;
  const model = options.endpointId ?? '(webhook)';
  if (body.status === 'ERROR') {
    // fal words it "Invalid status code: 422"; the code tells a late validation error apart.
    const code = /\b([45]\d\d)\b/.exec(body.error ?? '')?.[1];
    const error = falJobFailure({
      provider: 'fal',
      model,
      requestId,
      error: body.error ?? 'fal reported an error',
      errorType: undefined,
      result: { status: code === undefined ? undefined : Number(code), headers: undefined, body: body.payload },
    });
    return { requestId, snapshot: { status: 'failed', error, rawResponse: json } };
  }
  if (body.payload === null || body.payload === undefined) return { requestId, snapshot: { status: 'completed', rawResponse: json } };
  const definition = options.endpointId === undefined ? undefined : findFalModel(options.endpointId);
  const spec = definition?.output ?? detectFalOutputSpec(body.payload);
  const modality = options.modality ?? definition?.modality ?? ((spec.video?.length ?? 0) + (spec.videoList?.length ?? 0) > 0 ? 'video' : 'image');
  const job = { provider: 'fal', model, requestId, output: { output: body.payload }, spec };
  try {
    const result = modality === 'video' ? falVideoResult(job) : falImageResult(job);
    return { requestId, snapshot: { status: 'completed', progressPercent: 100, result, rawResponse: json } };
  } catch {
    // No media of the expected kind: the job completed; its result can still be fetched.
    return { requestId, snapshot: { status: 'completed', rawResponse: json } };
  }
}
