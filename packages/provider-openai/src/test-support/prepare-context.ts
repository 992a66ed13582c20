import type { Modality, PrepareContext } from '@tarash/core';

/** A `prepare` context for the `openai` provider. */
export function prepareContext(model: string, modality: Modality, extra: Partial<PrepareContext> = {}): PrepareContext {
  return { provider: 'openai', model, modality, providerConfig: {}, strict: false, ...extra };
}
