import { ValidationError, type ImageGenerationRequest, type PrepareContext } from '@tarash/core';
import { thrownBy } from '@tarash/testing/helpers';
import { describe, expect, it } from 'vitest';
import { prepareContext } from '../test-support/prepare-context';
import { azureFlavor, openaiFlavor } from '../transport/api-target';
import { prepareImageRequest } from './image-mapping';

const context = (model: string, extra: Partial<PrepareContext> = {}): PrepareContext => prepareContext(model, 'image', extra);

function prepare(model: string, request: Omit<ImageGenerationRequest, 'prompt'>, extra: Partial<PrepareContext> = {}) {
  const prepared = prepareImageRequest({ prompt: 'a lake', ...request }, context(model, extra), openaiFlavor);
  return { ...prepared, body: prepared.body as Record<string, unknown> };
}

describe('image request mapping', () => {
  it('maps size, n, quality and extraParams for gpt-image models', () => {
    const prepared = prepare('gpt-image-1', { size: '1536x1024', n: 2, quality: 'high', extraParams: { output_format: 'webp', background: 'opaque' } });
    expect(prepared.body).toEqual({ model: 'gpt-image-1', prompt: 'a lake', n: 2, size: '1536x1024', quality: 'high', output_format: 'webp', background: 'opaque' });
    expect(prepared.route).toEqual({ operation: 'generate' });
    expect(prepared.warnings).toEqual([]);
  });

  it.each([
    ['gpt-image-1', '3:2', '1536x1024'],
    ['gpt-image-1.5', 'auto', 'auto'],
    ['gpt-image-2', '16:9', '1536x864'],
    ['gpt-image-2', '1:3', '512x1536'],
    ['dall-e-3', '9:16', '1024x1792'],
    ['dall-e-2', '1:1', '1024x1024'],
  ])('%s maps aspectRatio %s to size %s', (model, aspectRatio, size) => {
    expect(prepare(model, { aspectRatio }).body.size).toBe(size);
  });

  it('lists the allowed sizes, counts, qualities and aspect ratios', () => {
    expect(thrownBy(() => prepare('gpt-image-1', { size: '1792x1024' }), ValidationError).message).toBe(
      'Invalid request for openai gpt-image-1: size = "1792x1024": not supported by openai gpt-image-1 (allowed: "1024x1024", "1536x1024", "1024x1536", "auto")',
    );
    expect(thrownBy(() => prepare('dall-e-3', { n: 2 }), ValidationError)).toMatchObject({ field: 'n', value: 2, allowed: [1] });
    expect(thrownBy(() => prepare('dall-e-2', { quality: 'hd' }), ValidationError)).toMatchObject({ field: 'quality', allowed: ['standard', 'auto'] });
    expect(thrownBy(() => prepare('dall-e-3', { style: 'loud' }), ValidationError)).toMatchObject({ field: 'style', allowed: ['vivid', 'natural'] });
    expect(thrownBy(() => prepare('gpt-image-1', { aspectRatio: '16:9' }), ValidationError)).toMatchObject({ field: 'aspectRatio', allowed: ['1:1', '3:2', '2:3', 'auto'] });
    expect(thrownBy(() => prepare('gpt-image-2', { size: '1000x1000' }), ValidationError).message).toContain('multiples of 16');
    expect(thrownBy(() => prepare('gpt-image-1', { n: 11 }), ValidationError).message).toContain('generates 1 to 10 image(s)');
  });

  it('checks family-only extraParams with the allowed values', () => {
    expect(thrownBy(() => prepare('gpt-image-1', { extraParams: { response_format: 'url' } }), ValidationError).message).toContain('gpt-image-1 always returns b64_json');
    expect(thrownBy(() => prepare('dall-e-3', { extraParams: { output_format: 'png' } }), ValidationError).message).toContain('output_format is for gpt-image models only');
    expect(thrownBy(() => prepare('gpt-image-1', { extraParams: { output_format: 'gif' } }), ValidationError)).toMatchObject({ field: 'extraParams.output_format', allowed: ['png', 'jpeg', 'webp'] });
    expect(thrownBy(() => prepare('gpt-image-1', { extraParams: { output_compression: 101 } }), ValidationError).message).toContain('integer from 0 to 100');
    expect(thrownBy(() => prepare('gpt-image-1', { extraParams: { background: 'transparent', output_format: 'jpeg' } }), ValidationError).message).toContain('needs output_format png or webp');
    expect(thrownBy(() => prepare('gpt-image-1', { extraParams: { stream: true } }), ValidationError).message).toContain('streaming image responses are not supported');
    expect(prepare('dall-e-3', { extraParams: { response_format: 'b64_json' } }).body.response_format).toBe('b64_json');
  });

  it('treats an unknown gpt-image-* with the family rules and says so; refuses other models', () => {
    const prepared = prepare('gpt-image-3', { size: '2048x1152' });
    expect(prepared.body.size).toBe('2048x1152');
    expect(prepared.warnings).toEqual(['gpt-image-3 is not a known OpenAI image model; it was validated with the gpt-image family rules (free-form WxH sizes)']);
    expect(thrownBy(() => prepare('gpt-4o', {}), ValidationError)).toMatchObject({ field: 'config.model', value: 'gpt-4o' });
  });

  it('makes an edit from input images and a mask, each image consumed once', () => {
    const prepared = prepare('gpt-image-1', {
      imageList: [
        { image: 'https://img.example/a.png', type: 'reference' },
        { image: new Uint8Array([1]), type: 'asset' },
        { image: 'https://img.example/c.png', type: 'last_frame' },
      ],
      maskImage: 'https://img.example/mask.png',
    });
    expect(prepared.route).toEqual({ operation: 'edit' });
    expect(JSON.parse(JSON.stringify(prepared.body))).toEqual({
      model: 'gpt-image-1',
      prompt: 'a lake',
      image: [
        { $media: 'imageList[0]', kind: 'image', input: '"https://img.example/a.png"' },
        { $media: 'imageList[1]', kind: 'image', input: '<Uint8Array 1 bytes>' },
      ],
      mask: { $media: 'maskImage', kind: 'image', input: '"https://img.example/mask.png"' },
    });
    expect(prepared.warnings).toEqual(['imageList[2] ("last_frame") was not sent: no field of openai gpt-image-1 takes an image with role "last_frame"']);
  });

  it('refuses edits that cannot work', () => {
    expect(thrownBy(() => prepare('dall-e-3', { imageList: [{ image: 'https://img.example/a.png', type: 'reference' }] }), ValidationError).message).toContain('dall-e-3 cannot edit images');
    expect(thrownBy(() => prepare('dall-e-2', { imageList: [{ image: 'https://a.example/1.png', type: 'reference' }, { image: 'https://a.example/2.png', type: 'reference' }] }), ValidationError).message).toContain(
      'takes 0 to 1 such image(s)',
    );
    expect(thrownBy(() => prepare('gpt-image-1', { maskImage: 'https://img.example/mask.png' }), ValidationError)).toMatchObject({ field: 'maskImage' });
  });

  it('warns about standard fields OpenAI has no use for, or fails in strict mode', () => {
    expect(prepare('gpt-image-1', { seed: 3, negativePrompt: 'blur', style: 'vivid' }).warnings).toEqual([
      'seed (3) was not sent: not supported by openai gpt-image-1',
      'negativePrompt ("blur") was not sent: not supported by openai gpt-image-1',
      'style ("vivid") was not sent: not supported by openai gpt-image-1',
    ]);
    expect(() => prepare('gpt-image-1', { seed: 3 }, { strict: true })).toThrow(/strict mode.*seed = 3/);
  });

  it('sends the deployment (v1) or no model (deployment routes) on Azure', () => {
    const azure = (providerConfig: Record<string, unknown>) => prepareImageRequest({ prompt: 'x' }, context('gpt-image-1', { provider: 'azure', providerConfig }), azureFlavor).body;
    expect(azure({ deployment: 'img' })).toEqual({ prompt: 'x' });
    expect(azure({ deployment: 'img', apiStyle: 'v1' })).toEqual({ model: 'img', prompt: 'x' });
    expect(thrownBy(() => azure({ apiStyle: 'v2' }), ValidationError)).toMatchObject({ field: 'config.providerConfig.apiStyle', allowed: ['deployments', 'v1'] });
  });
});
