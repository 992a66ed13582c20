import { ValidationError, type PrepareContext, type VideoGenerationRequest } from '@tarash/core';
import { thrownBy } from '@tarash/testing/helpers';
import { describe, expect, it } from 'vitest';
import { prepareContext } from '../test-support/prepare-context';
import { azureFlavor, openaiFlavor } from '../transport/api-target';
import { prepareVideoRequest } from './video-mapping';

const context = (model: string, extra: Partial<PrepareContext> = {}): PrepareContext => prepareContext(model, 'video', extra);

function prepare(model: string, request: Omit<VideoGenerationRequest, 'prompt'>) {
  const prepared = prepareVideoRequest({ prompt: 'a lake', ...request }, context(model), openaiFlavor);
  return { ...prepared, body: prepared.body as Record<string, unknown> };
}

describe('Sora request mapping', () => {
  it('maps durationSeconds to string seconds and aspectRatio/resolution to size', () => {
    expect(prepareVideoRequest({ prompt: 'a lake', durationSeconds: 8, aspectRatio: '16:9', resolution: '720p' }, context('sora-2'), openaiFlavor)).toEqual({
      provider: 'openai',
      model: 'sora-2',
      body: { model: 'sora-2', prompt: 'a lake', seconds: '8', size: '1280x720' },
      warnings: [],
      route: { operation: 'create' },
    });
    expect(prepare('sora-2-pro', { resolution: '1024p' }).body.size).toBe('1024x1792');
    expect(prepare('sora-2-pro-2025-10-06', { aspectRatio: '16:9', resolution: '1024p' }).body.size).toBe('1792x1024');
    expect(prepare('sora-2', {}).body).toEqual({ model: 'sora-2', prompt: 'a lake' });
  });

  it('lists the allowed seconds, resolutions and aspect ratios per model', () => {
    expect(thrownBy(() => prepare('sora-2', { durationSeconds: 10 }), ValidationError).message).toBe(
      'Invalid request for openai sora-2: durationSeconds = 10: openai sora-2 does not support this duration (allowed: 4, 8, 12)',
    );
    const resolution = thrownBy(() => prepare('sora-2', { resolution: '1024p' }), ValidationError);
    expect(resolution).toMatchObject({ field: 'resolution', allowed: ['720p'] });
    expect(resolution.message).toContain('pass extraParams.size');
    expect(thrownBy(() => prepare('sora-2-pro', { resolution: '1080p' }), ValidationError)).toMatchObject({ allowed: ['720p', '1024p'] });
    expect(thrownBy(() => prepare('sora-2', { aspectRatio: '1:1' }), ValidationError)).toMatchObject({ field: 'aspectRatio', allowed: ['16:9', '9:16'] });
    expect(thrownBy(() => prepare('sora-2', { numberOfVideos: 2 }), ValidationError)).toMatchObject({ field: 'numberOfVideos', allowed: [1] });
    expect(thrownBy(() => prepare('veo-3', {}), ValidationError)).toMatchObject({ field: 'config.model', value: 'veo-3' });
  });

  it('lets extraParams carry the [C] values the spec does not list', () => {
    const prepared = prepare('sora-2-pro', { durationSeconds: 8, extraParams: { seconds: '16', size: '1920x1080' } });
    expect(prepared.body).toMatchObject({ seconds: '16', size: '1920x1080' });
    expect(prepared.warnings).toEqual(['extraParams.seconds replaced the value mapped from the standard request']);
  });

  it('sends one first-frame or reference image as input_reference and warns about the rest', () => {
    const prepared = prepare('sora-2', {
      imageList: [
        { image: 'https://img.example/last.png', type: 'last_frame' },
        { image: 'https://img.example/first.png', type: 'first_frame' },
      ],
      generateAudio: false,
      seed: 1,
    });
    expect(JSON.parse(JSON.stringify(prepared.body.input_reference))).toEqual({ $media: 'imageList[1]', kind: 'image', input: '"https://img.example/first.png"' });
    expect(prepared.warnings).toEqual([
      'generateAudio (false) was not honoured: Sora 2 always generates audio',
      'seed (1) was not sent: not supported by openai sora-2',
      'imageList[0] ("last_frame") was not sent: no field of openai sora-2 takes an image with role "last_frame"',
    ]);
  });

  it('makes a remix from extraParams.remixVideoId or an OpenAI video URL, sending only the prompt', () => {
    const byId = prepare('sora-2', { durationSeconds: 8, extraParams: { remixVideoId: 'video_abc' } });
    expect(byId.body).toEqual({ prompt: 'a lake' });
    expect(byId.route).toEqual({ operation: 'remix', videoId: 'video_abc' });
    expect(byId.warnings).toEqual(['durationSeconds (8) was not sent: not supported by openai sora-2']);
    const byUrl = prepare('sora-2', { video: 'https://api.openai.com/v1/videos/video_xyz/content' });
    expect(byUrl.route).toEqual({ operation: 'remix', videoId: 'video_xyz' });
    expect(byUrl.warnings).toEqual([]);
    expect(thrownBy(() => prepare('sora-2', { extraParams: { remixVideoId: 42 } }), ValidationError)).toMatchObject({ field: 'extraParams.remixVideoId', value: 42 });
  });

  it('sends the deployment as model on Azure (v1 API)', () => {
    const prepared = prepareVideoRequest({ prompt: 'x' }, context('sora-2', { provider: 'azure', providerConfig: { deployment: 'my-sora' } }), azureFlavor);
    expect(prepared.body).toEqual({ model: 'my-sora', prompt: 'x' });
  });
});
