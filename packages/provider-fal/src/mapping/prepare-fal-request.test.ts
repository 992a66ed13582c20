import { passthrough, PendingMedia, ValidationError, type PrepareContext, type StandardRequestFields, type VideoGenerationRequest } from '@tarash/core';
import { thrownBy } from '@tarash/testing/helpers';
import { describe, expect, it } from 'vitest';
import { prepareFalRequest, untypedEndpointWarning } from './prepare-fal-request';

const context = (model: string, extra: Partial<PrepareContext> = {}): PrepareContext => ({
  provider: 'fal',
  model,
  modality: 'video',
  providerConfig: {},
  strict: false,
  ...extra,
});

function prepare(model: string, request: VideoGenerationRequest | StandardRequestFields, extra: Partial<PrepareContext> = {}) {
  return prepareFalRequest(request, context(model, extra));
}

describe('prepareFalRequest', () => {
  it('maps with the generated definition of the exact endpoint id and keeps media pending', () => {
    const prepared = prepare('fal-ai/veo3.1/image-to-video', {
      prompt: 'Boat',
      durationSeconds: 6,
      imageList: [{ image: new Uint8Array([1, 2, 3]), type: 'first_frame' }],
    });
    expect(prepared.route).toEqual({ endpointId: 'fal-ai/veo3.1/image-to-video' });
    expect(prepared.warnings).toEqual([]);
    expect(prepared.body.image_url).toBeInstanceOf(PendingMedia);
    expect(JSON.parse(JSON.stringify(prepared.body))).toMatchInlineSnapshot(`
      {
        "duration": "6s",
        "image_url": {
          "$media": "imageList[0]",
          "input": "<Uint8Array 3 bytes>",
          "kind": "image",
        },
        "prompt": "Boat",
      }
    `);
  });

  it('is deterministic', () => {
    const request = { prompt: 'Lake', durationSeconds: 4, aspectRatio: '9:16' };
    expect(JSON.stringify(prepare('fal-ai/veo3.1', request))).toBe(JSON.stringify(prepare('fal-ai/veo3.1', request)));
  });

  it('maps an unknown endpoint generically, with a warning, never by prefix', () => {
    const model = 'fal-ai/veo3.1/image-to-video/v2';
    const prepared = prepare(model, {
      prompt: 'Boat',
      durationSeconds: 5,
      resolution: '720p',
      negativePrompt: 'blur',
      seed: 1,
      imageList: [
        { image: 'https://x.example/first.png', type: 'first_frame' },
        { image: 'https://x.example/ref.png', type: 'reference' },
      ],
      video: 'https://x.example/in.mp4',
      audio: 'https://x.example/in.wav',
    });
    expect(prepared.warnings).toEqual([untypedEndpointWarning(model)]);
    expect(prepared.warnings[0]).toContain(`fal endpoint "${model}" is untyped (no generated definition)`);
    expect(JSON.parse(JSON.stringify(prepared.body))).toMatchInlineSnapshot(`
      {
        "audio_url": {
          "$media": "audio",
          "input": ""https://x.example/in.wav"",
          "kind": "audio",
        },
        "duration": 5,
        "image_url": {
          "$media": "imageList[0]",
          "input": ""https://x.example/first.png"",
          "kind": "image",
        },
        "image_urls": [
          {
            "$media": "imageList[1]",
            "input": ""https://x.example/ref.png"",
            "kind": "image",
          },
        ],
        "negative_prompt": "blur",
        "prompt": "Boat",
        "resolution": "720p",
        "seed": 1,
        "video_url": {
          "$media": "video",
          "input": ""https://x.example/in.mp4"",
          "kind": "video",
        },
      }
    `);
  });

  it('maps unknown image endpoints with num_images and image_size', () => {
    const prepared = prepareFalRequest({ prompt: 'Bike', n: 3, size: '640x480', seed: 2 } as StandardRequestFields, context('someone/new-image-model', { modality: 'image' }));
    expect(prepared.body).toEqual({ prompt: 'Bike', num_images: 3, image_size: { width: 640, height: 480 }, seed: 2 });
  });

  it('uses mappers registered with registerProviderFieldMapping instead of the built-in ones, still validated', () => {
    const fieldMappers = { prompt: passthrough('prompt', (p: string) => `${p}, cinematic`) };
    const prepared = prepare('fal-ai/veo3.1', { prompt: 'Lake', durationSeconds: 4 }, { fieldMappers });
    expect(prepared.body).toEqual({ prompt: 'Lake, cinematic' });
    expect(prepared.warnings).toEqual(['durationSeconds (4) was not sent: not supported by fal fal-ai/veo3.1']);
    const error = thrownBy(() => prepare('fal-ai/veo3.1', { prompt: 'Lake', extraParams: { duration: '5s' } }, { fieldMappers }), ValidationError);
    expect(error.issues).toEqual([{ field: 'duration', value: '5s', message: 'is not one of the allowed values', allowed: ['4s', '6s', '8s'] }]);
  });

  it('rejects a field the endpoint does not have, listing the ones it has', () => {
    const error = thrownBy(() => prepare('fal-ai/veo3.1', { prompt: 'Lake', extraParams: { motion: 'fast' } }), ValidationError);
    expect(error.issues[0]).toMatchObject({ field: 'motion', value: 'fast', message: 'is not an input field of fal-ai/veo3.1' });
    expect(error.issues[0]?.allowed).toContain('negative_prompt');
  });

  it('rejects a standard value the endpoint does not allow, naming what is allowed', () => {
    const error = thrownBy(() => prepare('fal-ai/veo3.1', { prompt: 'Lake', durationSeconds: 5 }), ValidationError);
    expect(error.message).toContain('durationSeconds = 5');
    expect(error.allowed).toEqual([4, 6, 8]);
  });

  it('rejects a malformed endpoint id, a modality mismatch and bad provider settings', () => {
    expect(thrownBy(() => prepare('https://queue.fal.run/fal-ai/veo3.1', { prompt: 'x' }), ValidationError).issues[0]?.field).toBe('config.model');
    expect(thrownBy(() => prepare('veo3.1', { prompt: 'x' }), ValidationError).issues[0]?.field).toBe('config.model');
    expect(thrownBy(() => prepare('fal-ai/flux/dev', { prompt: 'x' }), ValidationError).issues[0]).toMatchObject({ field: 'config.model', message: 'is a fal image endpoint; use generateImage' });
    const settings = thrownBy(() => prepare('fal-ai/veo3.1', { prompt: 'x' }, { providerConfig: { statusUpdates: 'sse', queueURL: 'x' } }), ValidationError);
    expect(settings.issues.map((i) => i.field)).toEqual(['config.providerConfig.statusUpdates', 'config.providerConfig.queueURL']);
    expect(settings.message).toContain('config.providerConfig.statusUpdates = "sse": is not one of the allowed values (allowed: "stream", "poll")');
    expect(settings.message).toContain('did you mean "queueUrl"?');
  });

  it('fails in strict mode on standard fields the endpoint cannot use', () => {
    expect(() => prepare('fal-ai/sora-2/text-to-video', { prompt: 'x', seed: 3 }, { strict: true })).toThrow(/strict mode.*seed = 3/);
  });
});
