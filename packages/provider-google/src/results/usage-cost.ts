import type { CostReport } from '@tarash/core';
import { isRecord, recordsOf } from './json-shapes';

/**
 * Google's `usageMetadata` as a cost report, in Google's own terms: every token count
 * (`promptTokenCount`, `candidatesTokenCount`, `totalTokenCount`, …) and the per-modality
 * counts of the `…TokensDetails` lists as `candidatesTokensDetails.IMAGE` and the like.
 */
export function usageCost(usage: unknown): CostReport | undefined {
  if (!isRecord(usage)) return undefined;
  const metrics: Record<string, number> = {};
  for (const [key, value] of Object.entries(usage)) {
    if (typeof value === 'number') metrics[key] = value;
    for (const detail of recordsOf(value)) {
      if (typeof detail.modality === 'string' && typeof detail.tokenCount === 'number') metrics[`${key}.${detail.modality}`] = detail.tokenCount;
    }
  }
  return Object.keys(metrics).length > 0 ? { metrics } : undefined;
}
