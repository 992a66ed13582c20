import { ValidationError, type ImageGenerationRequest, type PrepareContext } from '@tarash/core';
import { createPng } from '@tarash/testing';
import { thrownBy } from '@tarash/testing/helpers';
import { describe, expect, it } from 'vitest';
import { STABILITY_IMAGE_MODELS } from '../models/stability-models';
import { sizeToAspectRatio } from './aspect-ratio-field';
import { prepareStabilityImage } from './image-request-mapping';

const PNG = new Uint8Array(createPng({ width: 64, height: 64 }));

function context(model: string, extra: Partial<PrepareContext> = {}): PrepareContext {
  return { provider: 'stability', model, modality: 'image', providerConfig: {}, strict: false, ...extra };
}

function prepare(model: string, request: ImageGenerationRequest, extra: Partial<PrepareContext> = {}) {
  return prepareStabilityImage(request, context(model, extra));
}

const FULL: ImageGenerationRequest = { prompt: 'A calm lake at sunrise', negativePrompt: 'fog', aspectRatio: '16:9', seed: 42, style: 'photographic' };

describe('prepareStabilityImage: mapping', () => {
  it.each(Object.keys(STABILITY_IMAGE_MODELS))('maps a full text-to-image request for %s deterministically', (model) => {
    const first = prepare(model, FULL);
    expect(JSON.parse(JSON.stringify(prepare(model, FULL)))).toEqual(JSON.parse(JSON.stringify(first)));
    expect({ body: first.body, route: first.route, warnings: first.warnings }).toMatchSnapshot();
  });

  it('maps image-to-image for ultra (image + strength) and sd3 (mode image-to-image, no aspect ratio)', () => {
    const request: ImageGenerationRequest = { prompt: 'x', aspectRatio: '16:9', imageList: [{ image: PNG, type: 'reference' }], extraParams: { strength: 0.35 } };
    const ultra = prepare('stable-image-ultra', request);
    expect(JSON.parse(JSON.stringify(ultra.body))).toEqual({
      prompt: 'x',
      aspect_ratio: '16:9',
      image: { $media: 'imageList[0]', kind: 'image', input: '<Uint8Array 151 bytes>' },
      strength: 0.35,
    });
    const sd3 = prepare('sd3.5-large', request);
    expect(JSON.parse(JSON.stringify(sd3.body))).toMatchObject({ mode: 'image-to-image', model: 'sd3.5-large', strength: 0.35 });
    expect(sd3.body).not.toHaveProperty('aspect_ratio');
    expect(sd3.warnings).toEqual(['aspectRatio ("16:9") was not sent: not supported by stability sd3.5-large']);
  });

  it('maps an exact size to its aspect ratio with a warning', () => {
    const prepared = prepare('stable-image-core', { prompt: 'x', size: '1920x1080' });
    expect(prepared.body.aspect_ratio).toBe('16:9');
    expect(prepared.warnings).toEqual(['size "1920x1080" was sent as aspect_ratio 16:9: stability chooses the pixel size itself']);
    expect(sizeToAspectRatio('1024x1024')).toBe('1:1');
  });

  it('passes extraParams (cfg_scale, output_format) and warns about undocumented ones', () => {
    const prepared = prepare('sd3.5-large-turbo', { prompt: 'x', extraParams: { cfg_scale: 1.5, output_format: 'jpeg', sampler: 'euler' } });
    expect(prepared.body).toMatchObject({ cfg_scale: 1.5, output_format: 'jpeg', sampler: 'euler' });
    expect(prepared.warnings).toEqual(['extraParams.sampler is not a documented field of /v2beta/stable-image/generate/sd3; it was sent as is']);
  });

  it('notes re-routed legacy sd3 ids and unused standard fields', () => {
    const prepared = prepare('sd3-large', { prompt: 'x', quality: 'hd', maskImage: PNG });
    expect(prepared.warnings).toEqual([
      'quality ("hd") was not sent: not supported by stability sd3-large',
      'maskImage (<Uint8Array 151 bytes>) was not sent: not supported by stability sd3-large',
      'Stability re-routes sd3-large to sd3.5-large (since 2025-04-17); use sd3.5-large as the model id',
    ]);
    expect(() => prepare('sd3.5-large', { prompt: 'x', quality: 'hd' }, { strict: true })).toThrow(/strict mode.*quality = "hd"/);
  });

  it('uses field mappers registered for the model, then still checks the endpoint fields', () => {
    const fieldMappers = { prompt: () => 'overridden', seed: () => 5_000_000_000 };
    const error = thrownBy(() => prepare('sd3.5-medium', { prompt: 'x' }, { fieldMappers }), ValidationError);
    expect(error.message).toContain('seed = 5000000000: must be an integer from 0 to 4294967294');
    const prepared = prepare('sd3.5-medium', { prompt: 'x' }, { fieldMappers: { prompt: () => 'overridden' } });
    expect(prepared.body).toEqual({ prompt: 'overridden', model: 'sd3.5-medium', mode: 'text-to-image' });
  });
});

describe('prepareStabilityImage: validation before sending', () => {
  it.each([
    ['an aspect ratio', { prompt: 'x', aspectRatio: '4:3' }, 'aspectRatio = "4:3": not supported by stability stable-image-ultra (allowed: "21:9", "16:9", "3:2", "5:4", "1:1", "4:5", "2:3", "9:16", "9:21")'],
    ['an inexact size', { prompt: 'x', size: '1536x640' }, 'size = "1536x640": stability takes an aspect ratio, not a pixel size, and 12:5 is none of its ratios; pass aspectRatio instead (allowed: "21:9"'],
    ['a size contradicting the ratio', { prompt: 'x', size: '1024x1024', aspectRatio: '16:9' }, 'size = "1024x1024": has the aspect ratio 1:1, which contradicts aspectRatio "16:9"'],
    ['a style', { prompt: 'x', style: 'watercolour' }, 'style = "watercolour": not supported by stability stable-image-ultra (allowed: "enhance", "anime", "photographic"'],
    ['n > 1', { prompt: 'x', n: 3 }, 'n = 3: stability returns one image per request; call generateImage once per image (allowed: 1)'],
    ['a seed past the maximum', { prompt: 'x', seed: 4_294_967_295 }, 'seed = 4294967295: must be an integer from 0 to 4294967294'],
    ['a prompt past 10 000 characters', { prompt: 'x'.repeat(10_001) }, 'must have 1 to 10000 characters; it has 10001'],
    ['an output format', { prompt: 'x', extraParams: { output_format: 'gif' } }, 'extraParams.output_format = "gif": must be "png", "jpeg", "webp" (allowed: "png", "jpeg", "webp")'],
    ['a strength out of range', { prompt: 'x', imageList: [{ image: PNG, type: 'reference' }], extraParams: { strength: 1.5 } }, 'extraParams.strength = 1.5: must be a number from 0 to 1'],
    ['an image without strength', { prompt: 'x', imageList: [{ image: PNG, type: 'reference' }] }, 'extraParams.strength: is required with an input image'],
    ['two input images', { prompt: 'x', imageList: [{ image: PNG, type: 'reference' }, { image: PNG, type: 'reference' }], extraParams: { strength: 0.5 } }, 'takes one input image'],
    ['a nested extra param', { prompt: 'x', extraParams: { weights: { a: 1 } } }, 'extraParams.weights = {"a":1}: is not a documented field'],
  ] as const)('rejects %s, naming the field, the value and what is allowed', (_label, request, message) => {
    expect(thrownBy(() => prepare('stable-image-ultra', request as ImageGenerationRequest), ValidationError).message).toContain(message);
  });

  it('checks the sd3 ranges and that model comes from the config', () => {
    expect(thrownBy(() => prepare('sd3.5-large', { prompt: 'x', extraParams: { cfg_scale: 11 } }), ValidationError).message).toContain('extraParams.cfg_scale = 11: must be a number from 1 to 10');
    expect(thrownBy(() => prepare('sd3.5-large', { prompt: 'x', extraParams: { model: 'sd3.5-medium' } }), ValidationError).message).toContain(
      'extraParams.model = "sd3.5-medium": set the model in config.model instead (allowed: "sd3.5-large")',
    );
    expect(thrownBy(() => prepare('sd3.5-large', { prompt: 'x', extraParams: { mode: 'image-to-image' } }), ValidationError).message).toContain(
      'extraParams.mode = "image-to-image": image-to-image needs an image with role "reference" in imageList',
    );
  });

  it('refuses image-to-image on core, listing the models that take an input image', () => {
    const error = thrownBy(() => prepare('stable-image-core', { prompt: 'x', imageList: [{ image: PNG, type: 'reference' }] }), ValidationError);
    expect(error.field).toBe('imageList');
    expect(error.allowed).toEqual(['stable-image-ultra', 'sd3.5-large', 'sd3.5-large-turbo', 'sd3.5-medium', 'sd3.5-flash']);
  });

  it('refuses unknown models and video models, listing the image models', () => {
    const error = thrownBy(() => prepare('stable-diffusion-xl', { prompt: 'x' }), ValidationError);
    expect(error.message).toContain('config.model = "stable-diffusion-xl": is not a Stability image model');
    expect(error.allowed).toContain('sd3.5-flash');
    expect(thrownBy(() => prepare('stable-video-diffusion', { prompt: 'x' }), ValidationError).message).toContain('is a video model; use generateVideo');
  });

  it('checks providerConfig', () => {
    const error = thrownBy(() => prepare('stable-image-core', { prompt: 'x' }, { providerConfig: { responseFormat: 'xml', clientId: 'x'.repeat(300), region: 'eu' } }), ValidationError);
    expect(error.message).toContain('providerConfig.region: is not a Stability setting (allowed: "responseFormat", "contentFiltered", "clientId", "clientUserId", "clientVersion")');
    expect(error.message).toContain('providerConfig.responseFormat = "xml": must be "bytes", "json"');
    expect(error.message).toContain('providerConfig.clientId = "xxxxxxxx');
    expect(error.message).toContain('must be a string of 1 to 256 characters (sent as stability-client-id)');
  });

  it('refuses an input image past the 10 MiB request limit before sending', () => {
    const big = new Uint8Array(11 * 1024 * 1024);
    expect(thrownBy(() => prepare('stable-image-ultra', { prompt: 'x', imageList: [{ image: big, type: 'reference' }], extraParams: { strength: 0.5 } }), ValidationError).message).toContain(
      'imageList[0] = <Uint8Array 11534336 bytes>: is 11534336 bytes; Stability takes at most 10485760 bytes per request',
    );
  });
});
