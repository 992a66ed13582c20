import { describe, expect, it } from 'vitest';
import { formatTypeScript } from '../emit/format-source';
import { registeredEndpointIds, syncRegistry as sync, syncEndpointParams as syncParams, type RegistryEntry } from './registry-sync';

/** What the generator writes: the edit, formatted. */
const syncRegistry = (text: string, entries: RegistryEntry[]): Promise<string> => formatTypeScript(sync(text, entries));
const syncEndpointParams = (text: string, entries: RegistryEntry[]): Promise<string> => formatTypeScript(syncParams(text, entries));

const REGISTRY = `import type { FalModelDefinition } from './fal-model-definition';
import { myModel } from './custom/my-model';

/** Generated fal endpoint definitions, by exact endpoint id. Edited by \`pnpm codegen\`. */
export const falModels: Readonly<Record<string, FalModelDefinition>> = {
  'acme/custom': myModel,
};
`;

const PARAMS = `/** Typed extraParams per fal endpoint id. */
export interface FalEndpointParams {
  'acme/custom': { strength?: number };
}
`;

const veo: RegistryEntry = { endpointId: 'fal-ai/veo3.1', module: 'veo3-1', model: 'veo31Model', inputType: 'Veo31Input' };
const veoFast: RegistryEntry = { endpointId: 'fal-ai/veo3.1/fast', module: 'veo3-1', model: 'veo31FastModel', inputType: 'Veo31Input' };
const flux: RegistryEntry = { endpointId: 'fal-ai/flux/dev', module: 'flux-dev', model: 'fluxDevModel', inputType: 'FluxDevInput' };

describe('syncRegistry', () => {
  it('adds generated entries sorted by id, importing each from its module, and keeps hand-written ones', async () => {
    const text = await syncRegistry(REGISTRY, [veoFast, flux, veo]);
    expect(text).toContain(`import { fluxDevModel } from './generated/flux-dev';`);
    expect(text).toContain(`import { veo31FastModel, veo31Model } from './generated/veo3-1';`);
    expect(text).toContain(`import { myModel } from './custom/my-model';`);
    expect(text.indexOf(`'fal-ai/flux/dev': fluxDevModel`)).toBeLessThan(text.indexOf(`'fal-ai/veo3.1': veo31Model`));
    expect(text.indexOf(`'fal-ai/veo3.1': veo31Model`)).toBeLessThan(text.indexOf(`'fal-ai/veo3.1/fast': veo31FastModel`));
    expect(text).toContain(`'acme/custom': myModel`);
    expect(registeredEndpointIds(text)).toEqual(['fal-ai/flux/dev', 'fal-ai/veo3.1', 'fal-ai/veo3.1/fast']);
  });

  it('is idempotent', async () => {
    const once = await syncRegistry(REGISTRY, [veo, flux]);
    expect(await syncRegistry(once, [flux, veo])).toBe(once);
  });

  it('removes an endpoint and its import cleanly', async () => {
    const text = await syncRegistry(await syncRegistry(REGISTRY, [veo, veoFast, flux]), [veo, veoFast]);
    expect(text).not.toContain('flux');
    expect(registeredEndpointIds(text)).toEqual(['fal-ai/veo3.1', 'fal-ai/veo3.1/fast']);
    expect(text).toBe(await syncRegistry(REGISTRY, [veo, veoFast]));
    const empty = await syncRegistry(text, []);
    expect(empty).toBe(await formatTypeScript(REGISTRY));
    expect(registeredEndpointIds(empty)).toEqual([]);
  });
});

describe('syncEndpointParams', () => {
  it('types each generated endpoint id as Partial<its input> and keeps hand-written members', async () => {
    const text = await syncEndpointParams(PARAMS, [veo, veoFast, flux]);
    expect(text).toContain(`import type { FluxDevInput } from './generated/flux-dev';`);
    expect(text).toContain(`import type { Veo31Input } from './generated/veo3-1';`);
    expect(text).toContain(`'fal-ai/veo3.1/fast': Partial<Veo31Input>;`);
    expect(text).toContain(`'acme/custom': { strength?: number };`);
  });

  it('is idempotent and removes cleanly', async () => {
    const all = await syncEndpointParams(PARAMS, [veo, flux]);
    expect(await syncEndpointParams(all, [flux, veo])).toBe(all);
    const withoutFlux = await syncEndpointParams(all, [veo]);
    expect(withoutFlux).not.toContain('FluxDevInput');
    expect(withoutFlux).toBe(await syncEndpointParams(PARAMS, [veo]));
  });
});
