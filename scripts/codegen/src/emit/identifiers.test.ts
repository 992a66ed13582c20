import { describe, expect, it } from 'vitest';
import { camelCase, moduleSlug, pascalCase, typeNameFor, uniqueNames } from './identifiers';

describe('identifiers', () => {
  it("derives fal's own names from endpoint ids", () => {
    expect(pascalCase('veo3.1/fast')).toBe('Veo31Fast');
    expect(pascalCase('wan/v2.2-a14b/image-to-video')).toBe('WanV22A14bImageToVideo');
    expect(pascalCase('3d/model')).toBe('Fal3dModel');
    expect(camelCase('RGBColor')).toBe('rgbColor');
    expect(camelCase('veo3.1/fast')).toBe('veo31Fast');
    expect(moduleSlug('fal-ai/bytedance/seedance/v1.5/pro')).toBe('bytedance-seedance-v1-5-pro');
    expect(moduleSlug('acme/tool')).toBe('acme-tool');
  });

  it('keeps valid component names, cleans others, and never shadows a global type', () => {
    expect(typeNameFor('Veo31Input')).toBe('Veo31Input');
    expect(typeNameFor('fal-ai_flux-2-klein_LoRAInput')).toBe('FalAiFlux2KleinLoRAInput');
    expect(typeNameFor('File')).toBe('FalFile');
  });

  it('numbers colliding names in key order', () => {
    expect([...uniqueNames(['veo3.1', 'veo3-1', 'veo31'], pascalCase, ['Veo31'])]).toEqual([
      ['veo3.1', 'Veo312'],
      ['veo3-1', 'Veo313'],
      ['veo31', 'Veo314'],
    ]);
  });
});
