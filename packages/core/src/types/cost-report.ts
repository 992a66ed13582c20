import * as z from 'zod/mini';

/**
 * What the provider reported it will bill for this generation. Only provider-reported figures
 * appear here; nothing is estimated.
 */
export interface CostReport {
  /**
   * Billable quantities in the provider's own terms, e.g. `{ billableUnits: 1 }` (fal),
   * `{ predictTimeSeconds: 41.2 }` (Replicate), `{ inputTokens: 50, outputTokens: 4160 }` (OpenAI).
   */
  readonly metrics: Readonly<Record<string, number>>;
  /** Money amount, where the provider reports one. */
  readonly amount?: number;
  /** ISO 4217 currency or provider credit unit of `amount`. */
  readonly currency?: string;
}

/** Zod schema for {@link CostReport}. */
export const costReportSchema = z.object({
  metrics: z.record(z.string(), z.number()),
  amount: z.optional(z.number()),
  currency: z.optional(z.string()),
}) satisfies z.ZodMiniType<CostReport>;
