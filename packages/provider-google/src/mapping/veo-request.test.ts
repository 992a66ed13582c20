import { ValidationError, type PrepareContext, type VideoGenerationRequest } from '@tarash/core';
import { thrownBy } from '@tarash/testing/helpers';
import { describe, expect, it } from 'vitest';
import { resolveGoogleSettings } from '../config/google-provider-config';
import { resolveGoogleModel } from '../models/google-model-catalog';
import { prepareVeoRequest } from './veo-request';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]);
const vertexConfig = { project: 'p', accessToken: 'ya29.t' };

function prepare(model: string, request: VideoGenerationRequest, options: { vertex?: boolean; strict?: boolean } = {}) {
  const providerConfig = options.vertex ? vertexConfig : {};
  const context: PrepareContext = { provider: 'google', model, modality: 'video', providerConfig, strict: options.strict ?? false };
  return prepareVeoRequest(request, context, resolveGoogleModel(model, 'video', 'google'), resolveGoogleSettings(providerConfig, context));
}

describe('Veo request mapping', () => {
  it('maps every standard field of a Veo 3.1 request (Gemini API)', () => {
    const prepared = prepare('veo-3.1-generate-preview', {
      prompt: 'A calm lake at sunrise',
      durationSeconds: 8,
      aspectRatio: '9:16',
      resolution: '1080P',
      negativePrompt: 'fog',
      numberOfVideos: 2,
      enhancePrompt: true,
      generateAudio: true,
      imageList: [
        { image: PNG, type: 'first_frame' },
        { image: 'data:image/png;base64,iVBORw0KGgo=', type: 'last_frame' },
      ],
      extraParams: { personGeneration: 'allow_adult' },
    });
    expect(JSON.parse(JSON.stringify(prepared.body))).toMatchInlineSnapshot(`
      {
        "instances": [
          {
            "image": {
              "$media": "imageList[0]",
              "input": "<Uint8Array 14 bytes>",
              "kind": "image",
            },
            "lastFrame": {
              "$media": "imageList[1]",
              "input": ""data:image/png;base64,…" (34 chars)",
              "kind": "image",
            },
            "prompt": "A calm lake at sunrise",
          },
        ],
        "parameters": {
          "aspectRatio": "9:16",
          "durationSeconds": 8,
          "enhancePrompt": true,
          "negativePrompt": "fog",
          "personGeneration": "allow_adult",
          "resolution": "1080p",
          "sampleCount": 2,
        },
      }
    `);
    expect(prepared.warnings).toEqual([]);
    expect(prepared.route).toEqual({ family: 'veo' });
  });

  it('maps reference images with their type and a video to extend', () => {
    const prepared = prepare('veo-3.1-fast-generate-preview', {
      prompt: 'x',
      video: 'https://generativelanguage.googleapis.com/v1beta/files/abc:download?alt=media',
      imageList: [
        { image: PNG, type: 'asset' },
        { image: PNG, type: 'style' },
        { image: PNG, type: 'reference' },
      ],
    });
    const instance = JSON.parse(JSON.stringify(prepared.body.instances[0])) as { referenceImages: { referenceType: string; image: { $media: string } }[]; video: { $media: string } };
    expect(instance.referenceImages.map((r) => [r.image.$media, r.referenceType])).toEqual([
      ['imageList[2]', 'ASSET'],
      ['imageList[0]', 'ASSET'],
      ['imageList[1]', 'STYLE'],
    ]);
    expect(instance.video.$media).toBe('video');
  });

  it('sends seed and generateAudio on Vertex AI only, explaining why on the Gemini API', () => {
    const request = { prompt: 'x', seed: 42, generateAudio: false };
    expect(prepare('veo-3.0-generate-001', request, { vertex: true }).body.parameters).toEqual({ seed: 42, generateAudio: false });
    const gemini = prepare('veo-3.0-generate-001', request);
    expect(gemini.body.parameters).toEqual({});
    expect(gemini.warnings).toEqual([
      'seed (42) was not sent: the Gemini API does not take it for Veo (Vertex AI does)',
      'generateAudio (false) was not sent: the Gemini API always adds audio with Veo 3 (Vertex AI can turn it off)',
    ]);
    expect(prepare('veo-3.0-generate-001', { prompt: 'x', generateAudio: true }).warnings).toEqual([]);
    expect(prepare('veo-2.0-generate-001', { prompt: 'x', generateAudio: true }, { vertex: true }).warnings).toEqual(['generateAudio (true) was not sent: Veo 2.0 makes silent videos']);
    expect(() => prepare('veo-3.0-generate-001', request, { strict: true })).toThrow(/seed = 42: the Gemini API does not take it for Veo/);
    expect(() => prepare('veo-3.0-generate-001', { prompt: 'x', seed: 2 ** 32 }, { vertex: true })).toThrow(/at most 4294967295/);
  });

  it.each([
    ['veo-3.1-generate-preview', 5, [4, 6, 8]],
    ['veo-3.0-fast-generate-001', 10, [4, 6, 8]],
    ['veo-2.0-generate-001', 4, [5, 6, 7, 8]],
  ])('refuses durationSeconds the model does not make (%s, %i s) listing the allowed values', (model, seconds, allowed) => {
    const error = thrownBy(() => prepare(model, { prompt: 'x', durationSeconds: seconds }), ValidationError);
    expect(error.field).toBe('durationSeconds');
    expect(error.value).toBe(seconds);
    expect(error.allowed).toEqual(allowed);
    expect(error.message).toContain(`(allowed: ${allowed.join(', ')})`);
  });

  it('refuses aspect ratios and resolutions the model does not make, listing the allowed values', () => {
    expect(thrownBy(() => prepare('veo-3.1-generate-preview', { prompt: 'x', aspectRatio: '1:1' }), ValidationError)).toMatchObject({ field: 'aspectRatio', allowed: ['16:9', '9:16'] });
    expect(thrownBy(() => prepare('veo-3.0-generate-001', { prompt: 'x', resolution: '4k' }), ValidationError)).toMatchObject({ field: 'resolution', allowed: ['720p', '1080p'] });
    expect(thrownBy(() => prepare('veo-2.0-generate-001', { prompt: 'x', resolution: '1080p' }), ValidationError)).toMatchObject({ allowed: ['720p'] });
    expect(thrownBy(() => prepare('veo-3.1-generate-preview', { prompt: 'x', numberOfVideos: 5 }), ValidationError)).toMatchObject({ field: 'numberOfVideos', allowed: [1, 2, 3, 4] });
  });

  it('warns (rather than refuses) on the uncertain rule that 1080p and 4k need 8 seconds', () => {
    const prepared = prepare('veo-3.1-generate-preview', { prompt: 'x', resolution: '4k', durationSeconds: 4 });
    expect(prepared.body.parameters).toMatchObject({ resolution: '4k', durationSeconds: 4 });
    expect(prepared.warnings).toEqual(['resolution 4k with durationSeconds 4: Google documents 4k for 8-second videos only, so the request may be refused']);
  });

  it.each([
    [[{ type: 'last_frame' }], /imageList\[0\] = "last_frame": a last frame needs a first frame/],
    [[{ type: 'first_frame' }, { type: 'first_frame' }], /Veo takes one image with role "first_frame"; found 2/],
    [[{ type: 'first_frame' }, { type: 'asset' }], /reference images cannot be combined with a first or last frame/],
    [[{ type: 'asset' }, { type: 'style' }, { type: 'reference' }, { type: 'asset' }], /at most 3 reference images/],
  ] as const)('checks the image role rules before sending: %j', (roles, message) => {
    const imageList = roles.map((role) => ({ image: PNG, type: role.type }));
    expect(() => prepare('veo-3.1-generate-preview', { prompt: 'x', imageList })).toThrow(message);
  });

  it('leaves out what a model cannot take, as warnings', () => {
    const prepared = prepare('veo-3.0-generate-001', { prompt: 'x', video: PNG, audio: PNG, imageList: [{ image: PNG, type: 'first_frame' }, { image: PNG, type: 'last_frame' }] });
    expect(prepared.body.instances[0]).toHaveProperty('image');
    expect(prepared.warnings).toEqual([
      'video (<Uint8Array 14 bytes>) was not sent: not supported by google veo-3.0-generate-001',
      'audio (<Uint8Array 14 bytes>) was not sent: not supported by google veo-3.0-generate-001',
      'imageList[1] ("last_frame") was not sent: no field of google veo-3.0-generate-001 takes an image with role "last_frame"',
    ]);
  });

  it('refuses gs:// inputs on the Gemini API but maps them on Vertex AI', () => {
    const request = { prompt: 'x', imageList: [{ image: 'gs://bucket/frame.png', type: 'first_frame' as const }] };
    expect(thrownBy(() => prepare('veo-3.1-generate-preview', request), ValidationError)).toMatchObject({ field: 'imageList[0].image', value: 'gs://bucket/frame.png' });
    expect(prepare('veo-3.1-generate-001', request, { vertex: true }).body.instances[0]).toHaveProperty('image');
  });

  it('refuses an unknown or image model for video, listing the Veo families', () => {
    expect(thrownBy(() => prepare('veo-9-ultra', { prompt: 'x' }), ValidationError)).toMatchObject({ field: 'config.model', allowed: ['veo-3.1-*', 'veo-3.0-*', 'veo-2.0-*'] });
    expect(() => resolveGoogleModel('imagen-4.0-generate-001', 'video', 'google')).toThrow(/is an image model; use generateImage/);
  });
});
