import type { ExtraParamsFor, KnownModelId, UntypedExtraParams } from '@tarash/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { FluxDevInput } from './generated/flux-dev';
import type { Veo31Input } from './generated/veo3-1';
import { falModels } from './registry';

// These checks run in the type check (`tsc`): the package augments @tarash/core's
// ProviderModelRegistry with FalEndpointParams.
describe('FalEndpointParams', () => {
  it('types the extraParams of generated endpoints as Partial of their input', () => {
    expectTypeOf<ExtraParamsFor<'fal', 'fal-ai/veo3.1'>>().toEqualTypeOf<Partial<Veo31Input>>();
    expectTypeOf<ExtraParamsFor<'fal', 'fal-ai/veo3.1/fast'>>().toEqualTypeOf<Partial<Veo31Input>>();
    expectTypeOf<ExtraParamsFor<'fal', 'fal-ai/flux/dev'>>().toEqualTypeOf<Partial<FluxDevInput>>();
  });

  it('leaves endpoints that were not generated untyped', () => {
    expectTypeOf<ExtraParamsFor<'fal', 'fal-ai/not-generated'>>().toEqualTypeOf<UntypedExtraParams>();
  });

  it('offers every registered endpoint id as a known fal model', () => {
    expectTypeOf<'fal-ai/veo3.1' | 'fal-ai/flux/dev'>().toExtend<KnownModelId<'fal'>>();
    const ids: KnownModelId<'fal'>[] = Object.keys(falModels) as KnownModelId<'fal'>[];
    expect(ids).toContain('fal-ai/veo3.1');
  });

  it("rejects values outside fal's schema", () => {
    const valid: ExtraParamsFor<'fal', 'fal-ai/veo3.1'> = { auto_fix: false, resolution: '4k' };
    // @ts-expect-error '8k' is not one of veo3.1's resolutions
    const invalid: ExtraParamsFor<'fal', 'fal-ai/veo3.1'> = { resolution: '8k' };
    expect([valid, invalid]).toHaveLength(2);
  });
});
