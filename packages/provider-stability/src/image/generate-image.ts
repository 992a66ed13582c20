import type { CallContext, PreparedRequest, ProviderImageResult } from '@tarash/core';
import type { StabilityFormBody } from '../mapping/form-field-rules';
import { readStabilityProviderConfig } from '../stability-provider-config';
import { finishReasonWarnings } from '../transport/finish-reason';
import { buildStabilityForm } from '../transport/multipart-form';
import { readStabilityResult } from '../transport/stability-result';
import type { StabilityTransport } from '../transport/stability-transport';

/** Input images the generate endpoints read. */
const INPUT_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'];

/**
 * Generates one image with a synchronous Stable Image call. Billing: a synchronous call has no
 * id, so an image that was generated but not delivered can never be fetched, and resending
 * could pay twice. That Stability bills successful generations only is unconfirmed [C], so a
 * 500/502/504 or a connection lost after sending is marked `jobMayExist`: never resent to
 * Stability, the chain moves on. 429 and 503 (nothing generated) are retried.
 */
export function generateStabilityImage(transport: StabilityTransport) {
  return async (prepared: PreparedRequest, context: CallContext): Promise<ProviderImageResult> => {
    const config = readStabilityProviderConfig(context.providerConfig, context);
    const { form } = await buildStabilityForm(prepared.body as StabilityFormBody, context, 'upload', INPUT_IMAGE_TYPES);
    const response = await transport.send(context, {
      method: 'POST',
      target: prepared.route?.path ?? '',
      accept: config.responseFormat === 'json' ? 'application/json' : 'image/*',
      body: form,
      phase: 'generate',
    });
    const result = await readStabilityResult(response, context, 'image', 'generate');
    // Stability sends x-request-id; without it the result still needs an id of its own.
    const requestId = result.requestId ?? `stability-${crypto.randomUUID()}`;
    const warnings = finishReasonWarnings(result, config.contentFiltered, context, requestId);
    return {
      requestId,
      images: [{ data: result.bytes, mediaType: result.mediaType }],
      contentType: result.mediaType,
      rawResponse: result.rawResponse,
      ...(warnings.length > 0 ? { warnings } : {}),
    };
  };
}
