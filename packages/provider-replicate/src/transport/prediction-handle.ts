import type { CallContext, JobHandle } from '@tarash/core';
import type { Prediction } from './prediction';

/** What a Replicate job handle keeps in `data`: the URLs Replicate returned (no secret). */
export interface PredictionHandleData {
  readonly getUrl: string;
  readonly cancelUrl: string;
  readonly webUrl?: string;
  [key: string]: string | undefined;
}

/** The JSON handle of a created prediction. */
export function predictionHandle(prediction: Prediction, context: CallContext, base: string, warnings: readonly string[]): JobHandle {
  const getUrl = prediction.urls?.get ?? `${base}/predictions/${prediction.id}`;
  return {
    version: 1,
    provider: context.provider,
    model: context.model,
    modality: context.modality,
    requestId: prediction.id,
    createdAt: new Date().toISOString(),
    data: {
      getUrl,
      cancelUrl: prediction.urls?.cancel ?? `${getUrl}/cancel`,
      ...(prediction.urls?.web !== undefined ? { webUrl: prediction.urls.web } : {}),
    },
    warnings: [...warnings],
  };
}
