import { ValidationError, type ImageGenerationRequest, type PrepareContext } from '@tarash/core';
import { thrownBy } from '@tarash/testing/helpers';
import { describe, expect, it } from 'vitest';
import { resolveGoogleSettings } from '../config/google-provider-config';
import { resolveGoogleModel } from '../models/google-model-catalog';
import { prepareGeminiImageRequest } from './gemini-image-request';
import { prepareImagenRequest } from './imagen-request';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]);

function prepare(model: string, request: ImageGenerationRequest, options: { vertex?: boolean; strict?: boolean } = {}) {
  const providerConfig = options.vertex ? { project: 'p', accessToken: 'ya29.t' } : {};
  const context: PrepareContext = { provider: 'google', model, modality: 'image', providerConfig, strict: options.strict ?? false };
  const settings = resolveGoogleSettings(providerConfig, context);
  const capabilities = resolveGoogleModel(model, 'image', 'google');
  return capabilities.kind === 'imagen' ? prepareImagenRequest(request, context, capabilities, settings) : prepareGeminiImageRequest(request, context, capabilities, settings);
}

describe('Imagen request mapping', () => {
  it('maps n, aspect ratio, size and extraParams, and asks for filter reasons', () => {
    const prepared = prepare('imagen-4.0-generate-001', { prompt: 'A fox', n: 3, size: '2816x1536', extraParams: { personGeneration: 'dont_allow' } });
    expect(prepared.body).toEqual({
      instances: [{ prompt: 'A fox' }],
      parameters: { sampleCount: 3, aspectRatio: '16:9', sampleImageSize: '2K', includeRaiReason: true, personGeneration: 'dont_allow' },
    });
    expect(prepared.route).toEqual({ family: 'imagen' });
    expect(prepare('imagen-3.0-generate-002', { prompt: 'x' }).body.parameters).toEqual({ sampleCount: 1, includeRaiReason: true });
  });

  it('refuses counts, ratios and sizes the model does not make, listing what it makes', () => {
    expect(() => prepare('imagen-4.0-generate-001', { prompt: 'x', n: 5 })).toThrow(/n = 5: google imagen-4.0-generate-001 takes 1 to 4 \(allowed: 1, 2, 3, 4\)/);
    expect(() => prepare('imagen-4.0-generate-001', { prompt: 'x', aspectRatio: '2:3' })).toThrow(/aspectRatio = "2:3".*allowed: "1:1", "3:4", "4:3", "9:16", "16:9"/);
    expect(thrownBy(() => prepare('imagen-4.0-fast-generate-001', { prompt: 'x', size: '2048x2048' }), ValidationError)).toMatchObject({ field: 'size', allowed: ['1024x1024', '896x1280', '1280x896', '768x1408', '1408x768'] });
    expect(() => prepare('imagen-4.0-generate-001', { prompt: 'x', size: '1024x1024', aspectRatio: '16:9' })).toThrow(/aspectRatio = "16:9": disagrees with size 1024x1024 \(1:1\)/);
  });

  it('sends negativePrompt and seed only where Google takes them', () => {
    const request = { prompt: 'x', negativePrompt: 'blur', seed: 9 };
    const gemini = prepare('imagen-4.0-generate-001', request);
    expect(gemini.body.parameters).not.toHaveProperty('seed');
    expect(gemini.warnings).toEqual([
      'negativePrompt ("blur") was not sent: the Gemini API does not take it for Imagen',
      'seed (9) was not sent: the Gemini API does not take it for Imagen (Vertex AI does)',
    ]);
    const vertex = prepare('imagen-3.0-generate-001', { ...request, extraParams: { addWatermark: false } }, { vertex: true });
    expect(vertex.body.parameters).toMatchObject({ negativePrompt: 'blur', seed: 9, addWatermark: false });
    expect(vertex.warnings).toEqual([]);
    const watermarked = prepare('imagen-4.0-generate-001', request, { vertex: true });
    expect(watermarked.warnings).toEqual([
      'negativePrompt ("blur") was not sent: imagen-4.0-generate-001 takes no negative prompt',
      'seed: Vertex AI takes a seed only without the watermark; set extraParams.addWatermark to false or the request may be refused',
    ]);
  });

  it('reports what Imagen has no use for (input images, quality, style)', () => {
    const prepared = prepare('imagen-4.0-generate-001', { prompt: 'x', quality: 'hd', imageList: [{ image: PNG, type: 'reference' }] });
    expect(prepared.warnings).toHaveLength(2);
    expect(() => prepare('imagen-4.0-generate-001', { prompt: 'x', style: 'vivid' }, { strict: true })).toThrow(/strict mode.*style = "vivid"/);
  });
});

describe('Gemini image request mapping', () => {
  it('builds the user turn, response modalities and image config; extraParams go to generationConfig or the top level', () => {
    const prepared = prepare('gemini-3-pro-image-preview', {
      prompt: 'A fox in the style of the second image',
      size: '2048x1152',
      seed: 5,
      imageList: [
        { image: PNG, type: 'reference' },
        { image: PNG, type: 'style' },
      ],
      extraParams: { temperature: 0.4, safetySettings: [{ category: 'HARM_CATEGORY_HARASSMENT', threshold: 'BLOCK_ONLY_HIGH' }] },
    });
    expect(JSON.parse(JSON.stringify(prepared.body))).toEqual({
      contents: [
        {
          role: 'user',
          parts: [
            { text: 'A fox in the style of the second image' },
            { $media: 'imageList[0]', kind: 'image', input: '<Uint8Array 14 bytes>' },
            { $media: 'imageList[1]', kind: 'image', input: '<Uint8Array 14 bytes>' },
          ],
        },
      ],
      generationConfig: { responseModalities: ['TEXT', 'IMAGE'], imageConfig: { aspectRatio: '16:9', imageSize: '2K' }, seed: 5, temperature: 0.4 },
      safetySettings: [{ category: 'HARM_CATEGORY_HARASSMENT', threshold: 'BLOCK_ONLY_HIGH' }],
    });
    expect(prepared.route).toEqual({ family: 'gemini-image' });
  });

  it('uses size only for the ratio on Gemini 2.x image models, and reports n > 1', () => {
    const prepared = prepare('gemini-2.5-flash-image', { prompt: 'x', size: '1536x1024', n: 2 });
    expect(prepared.body).toHaveProperty('generationConfig', { responseModalities: ['TEXT', 'IMAGE'], imageConfig: { aspectRatio: '3:2' } });
    expect(prepared.warnings).toEqual([
      'size 1536x1024: gemini-2.5-flash-image makes images of about 1024 px; only the aspect ratio 3:2 was sent',
      'n (2): gemini-2.5-flash-image makes one image per request; one was asked for',
    ]);
  });

  it('refuses ratios it does not make, sizes beyond 4K and disagreeing size and ratio', () => {
    expect(() => prepare('gemini-2.5-flash-image', { prompt: 'x', aspectRatio: '7:3' })).toThrow(/aspectRatio = "7:3"/);
    expect(() => prepare('gemini-2.5-flash-image', { prompt: 'x', size: '1000x700' })).toThrow(/size = "1000x700": has the aspect ratio 10:7/);
    expect(() => prepare('gemini-3-pro-image-preview', { prompt: 'x', size: '8192x8192' })).toThrow(/larger than the largest tier/);
    expect(() => prepare('gemini-3-pro-image-preview', { prompt: 'x', size: '1024x1024', aspectRatio: '4:3' })).toThrow(/disagrees with size 1024x1024 \(1:1\)/);
  });

  it('refuses a video model for images, listing the image families', () => {
    expect(() => prepare('veo-3.1-generate-preview', { prompt: 'x' })).toThrow(/is a video model; use generateVideo \(allowed: "imagen-4.0-\*", "imagen-3.0-\*", "gemini-\*-image\*"\)/);
  });
});
