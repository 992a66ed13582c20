// The assertions here are types: `pnpm typecheck` (tsc) fails when they break; vitest only runs the file.
import { createGateway, type ExtraParamsFor, type KnownModelId } from '@tarash/core';
import { describe, expectTypeOf, it } from 'vitest';
import { stabilityProvider, type StabilityImageToVideoParams, type StabilitySd3Params } from '../index';

describe('typed Stability model ids and extraParams', () => {
  it('augments the model registry of @tarash/core', () => {
    expectTypeOf<KnownModelId<'stability'>>().toEqualTypeOf<
      'stable-image-ultra' | 'stable-image-core' | 'sd3.5-large' | 'sd3.5-large-turbo' | 'sd3.5-medium' | 'sd3.5-flash' | 'stable-video-diffusion'
    >();
    expectTypeOf<ExtraParamsFor<'stability', 'sd3.5-flash'>>().toEqualTypeOf<StabilitySd3Params>();
    expectTypeOf<ExtraParamsFor<'stability', 'stable-video-diffusion'>>().toEqualTypeOf<StabilityImageToVideoParams>();
  });

  it('types extraParams per model at the call site', () => {
    const gateway = createGateway({ providers: [stabilityProvider()] });
    const typed = () => gateway.generateImage({ provider: 'stability', model: 'sd3.5-large' }, { prompt: 'x', extraParams: { cfg_scale: 3, output_format: 'webp' } });
    // @ts-expect-error: gif is not an output format
    const wrong = () => gateway.generateImage({ provider: 'stability', model: 'stable-image-core' }, { prompt: 'x', extraParams: { output_format: 'gif' } });
    expectTypeOf(typed).toBeFunction();
    expectTypeOf(wrong).toBeFunction();
  });
});
