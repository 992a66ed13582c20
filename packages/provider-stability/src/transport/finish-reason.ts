import { ContentModerationError, type CallContext } from '@tarash/core';
import type { StabilityContentFilteredPolicy } from '../stability-provider-config';
import type { StabilityResult } from './stability-result';

/**
 * Turns a result's finish reason into warnings, or a `ContentModerationError` when the config
 * asks for `contentFiltered: 'error'`. `CONTENT_FILTERED` means Stability blurred the output
 * (and billed it); other unknown reasons are passed on as warnings.
 */
export function finishReasonWarnings(result: StabilityResult, policy: StabilityContentFilteredPolicy, context: CallContext, requestId: string): string[] {
  const { finishReason } = result;
  if (finishReason === undefined || finishReason === 'SUCCESS') return [];
  const seed = result.seed === undefined ? '' : ` (seed ${result.seed})`;
  if (finishReason === 'CONTENT_FILTERED') {
    if (policy === 'error') {
      throw new ContentModerationError({
        provider: context.provider,
        model: context.model,
        requestId,
        phase: context.modality === 'image' ? 'generate' : 'result',
        rawResponse: result.rawResponse,
        message: `${context.provider} filtered the output${seed}: finish-reason CONTENT_FILTERED (the result is blurred; providerConfig.contentFiltered is "error")`,
      });
    }
    return [`${context.provider} filtered the output${seed}: finish-reason CONTENT_FILTERED, so the result is blurred`];
  }
  return [`${context.provider} reported finish-reason ${finishReason}${seed}`];
}
