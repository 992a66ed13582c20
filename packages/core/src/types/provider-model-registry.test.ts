import { describe, expectTypeOf, it } from 'vitest';
import { createGateway } from '../orchestrator/gateway';
import type { ExtraParamsFor, KnownModelId } from './provider-model-registry';

declare module './provider-model-registry' {
  interface ProviderModelRegistry {
    acme: { 'acme/video-1': { readonly motion?: 'low' | 'high' } };
  }
}

describe('ProviderModelRegistry augmentation', () => {
  it('types model ids and extraParams per provider', () => {
    expectTypeOf<KnownModelId<'acme'>>().toEqualTypeOf<'acme/video-1'>();
    expectTypeOf<ExtraParamsFor<'acme', 'acme/video-1'>>().toEqualTypeOf<{ readonly motion?: 'low' | 'high' }>();
    expectTypeOf<ExtraParamsFor<'acme', 'other'>>().toEqualTypeOf<Readonly<Record<string, unknown>>>();
    const gateway = createGateway();
    const typed = () => gateway.generateVideo({ provider: 'acme', model: 'acme/video-1' }, { prompt: 'x', extraParams: { motion: 'low' } });
    // @ts-expect-error — "fast" is not a motion of acme/video-1
    const wrong = () => gateway.generateVideo({ provider: 'acme', model: 'acme/video-1' }, { prompt: 'x', extraParams: { motion: 'fast' } });
    const untyped = () => gateway.generateVideo({ provider: 'acme', model: 'acme/other' }, { prompt: 'x', extraParams: { anything: 1 } });
    expectTypeOf(typed).toBeFunction();
    expectTypeOf(wrong).toBeFunction();
    expectTypeOf(untyped).toBeFunction();
  });
});
