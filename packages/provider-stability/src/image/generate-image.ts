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
 * Generates one image with a synchronous Stable Image call. Billing: Stability charges
 * successful generations only [C], so a 5xx or 429 answer is safe to retry (`jobMayExist`
 * false). A connection lost after the body was sent may have produced (and billed) an image
 * that can never be fetched: it is marked `jobMayExist`, so the orchestrator does not send
 * the same paid request again and moves on to the next config instead.
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
