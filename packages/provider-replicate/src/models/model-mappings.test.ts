import { ValidationError, type ImageGenerationRequest, type PrepareContext, type VideoGenerationRequest } from '@tarash/core';
import { thrownBy } from '@tarash/testing/helpers';
import { describe, expect, it } from 'vitest';
import { prepareReplicateRequest } from '../prepare-request';
import { REPLICATE_MODEL_DEFINITIONS, findModelDefinition } from './model-registry';

const first = 'https://img.example/first.png';
const last = 'https://img.example/last.png';
const reference = 'https://img.example/ref.png';

function context(model: string, modality: 'video' | 'image', providerConfig: Record<string, unknown> = {}): PrepareContext {
  return { provider: 'replicate', model, modality, providerConfig, strict: false };
}

/** The wire input (media shown as their URLs) and route of a prepared request. */
function prepareVideo(model: string, request: VideoGenerationRequest, providerConfig?: Record<string, unknown>) {
  const prepared = prepareReplicateRequest(request, context(model, 'video', providerConfig));
  return { input: wire(prepared.body), route: prepared.route, warnings: prepared.warnings };
}

function prepareImage(model: string, request: ImageGenerationRequest) {
  const prepared = prepareReplicateRequest(request, context(model, 'image'));
  return { input: wire(prepared.body), route: prepared.route, warnings: prepared.warnings };
}

function wire(body: unknown): unknown {
  return JSON.parse(JSON.stringify(body, (_key, value: unknown) => (value && typeof value === 'object' && '$media' in value ? `<${String((value as { $media: string }).$media)}>` : value)));
}

const frames = [
  { image: first, type: 'first_frame' as const },
  { image: last, type: 'last_frame' as const },
];

describe('video model inputs', () => {
  it('maps Veo 3.1 (first, last and reference images) to its own names', () => {
    const { input, route } = prepareVideo('google/veo-3.1', {
      prompt: 'p',
      durationSeconds: 6,
      aspectRatio: '9:16',
      resolution: '1080p',
      generateAudio: false,
      seed: 3,
      negativePrompt: 'blur',
      imageList: [...frames, { image: reference, type: 'reference' }],
    });
    expect(input).toEqual({
      prompt: 'p',
      image: '<imageList[0]>',
      negative_prompt: 'blur',
      aspect_ratio: '9:16',
      duration: 6,
      resolution: '1080p',
      generate_audio: false,
      seed: 3,
      last_frame: '<imageList[1]>',
      reference_images: ['<imageList[2]>'],
    });
    expect(route).toEqual({ kind: 'model', path: '/models/google/veo-3.1/predictions' });
  });

  it('maps Kling v2.1 resolution to its mode and requires the start image', () => {
    expect(prepareVideo('kwaivgi/kling-v2.1', { prompt: 'p', durationSeconds: 10, resolution: '1080p', imageList: frames }).input).toEqual({
      prompt: 'p',
      duration: 10,
      start_image: '<imageList[0]>',
      end_image: '<imageList[1]>',
      mode: 'pro',
    });
    expect(() => prepareVideo('kwaivgi/kling-v2.1', { prompt: 'p' })).toThrow(/requires an image with role "first_frame"/);
    expect(() => prepareVideo('kwaivgi/kling-v2.1', { prompt: 'p', resolution: '4k', imageList: frames })).toThrow('resolution = "4k"');
  });

  it('maps Kling v2.5 Turbo Pro with aspect ratio and end frame', () => {
    expect(prepareVideo('kwaivgi/kling-v2.5-turbo-pro', { prompt: 'p', aspectRatio: '1:1', negativePrompt: 'n', imageList: frames }).input).toEqual({
      prompt: 'p',
      negative_prompt: 'n',
      start_image: '<imageList[0]>',
      aspect_ratio: '1:1',
      end_image: '<imageList[1]>',
    });
  });

  it('maps Hailuo 02 and Video-01', () => {
    expect(prepareVideo('minimax/hailuo-02', { prompt: 'p', durationSeconds: 6, resolution: '768P', enhancePrompt: false, imageList: frames }).input).toEqual({
      prompt: 'p',
      first_frame_image: '<imageList[0]>',
      last_frame_image: '<imageList[1]>',
      duration: 6,
      resolution: '768p',
      prompt_optimizer: false,
    });
    const { input, warnings } = prepareVideo('minimax/video-01', { prompt: 'p', durationSeconds: 6, imageList: [{ image: reference, type: 'reference' }] });
    expect(input).toEqual({ prompt: 'p', subject_reference: '<imageList[0]>' });
    expect(warnings).toEqual(['durationSeconds (6) was not sent: not supported by replicate minimax/video-01']);
  });

  it('maps Seedance with a duration range and Lite reference images', () => {
    expect(prepareVideo('bytedance/seedance-1-pro', { prompt: 'p', durationSeconds: 12, resolution: '480p', aspectRatio: '21:9', seed: 1, imageList: frames }).input).toEqual({
      prompt: 'p',
      image: '<imageList[0]>',
      last_frame_image: '<imageList[1]>',
      duration: 12,
      resolution: '480p',
      aspect_ratio: '21:9',
      seed: 1,
    });
    expect(prepareVideo('bytedance/seedance-1-lite', { prompt: 'p', imageList: [{ image: reference, type: 'reference' }] }).input).toEqual({ prompt: 'p', reference_images: ['<imageList[0]>'] });
    expect(() => prepareVideo('bytedance/seedance-1-pro', { prompt: 'p', durationSeconds: 15 })).toThrow(/from 2 to 12/);
  });

  it('maps Wan 2.2 and Luma Ray inputs', () => {
    expect(prepareVideo('wan-video/wan-2.2-i2v-fast', { prompt: 'p', resolution: '720p', imageList: frames.slice(0, 1) }).input).toEqual({ prompt: 'p', resolution: '720p', image: '<imageList[0]>' });
    expect(prepareVideo('luma/ray', { prompt: 'p', aspectRatio: '21:9', imageList: frames }).input).toEqual({
      prompt: 'p',
      aspect_ratio: '21:9',
      start_image_url: '<imageList[0]>',
      end_image_url: '<imageList[1]>',
    });
    expect(prepareVideo('luma/ray-2-720p', { prompt: 'p', durationSeconds: 9, imageList: frames }).input).toEqual({
      prompt: 'p',
      start_image: '<imageList[0]>',
      end_image: '<imageList[1]>',
      duration: 9,
    });
  });

  it.each([
    ['google/veo-3', { durationSeconds: 5 }, 'durationSeconds', [4, 6, 8]],
    ['google/veo-3-fast', { aspectRatio: '1:1' }, 'aspectRatio', ['16:9', '9:16']],
    ['kwaivgi/kling-v2.1-master', { durationSeconds: 8 }, 'durationSeconds', [5, 10]],
    ['minimax/hailuo-02', { resolution: '4k' }, 'resolution', ['512p', '768p', '1080p']],
    ['luma/ray-2-540p', { durationSeconds: 4 }, 'durationSeconds', [5, 9]],
  ] as const)('refuses %s %j, listing the allowed values', (model, extra, field, allowed) => {
    const error = thrownBy(() => prepareVideo(model, { prompt: 'p', ...extra }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field, allowed });
  });
});

describe('image model inputs', () => {
  it('maps the Flux family', () => {
    expect(prepareImage('black-forest-labs/flux-schnell', { prompt: 'p', aspectRatio: '16:9', n: 4, seed: 2 }).input).toEqual({ prompt: 'p', seed: 2, aspect_ratio: '16:9', num_outputs: 4 });
    expect(prepareImage('black-forest-labs/flux-dev', { prompt: 'p', imageList: [{ image: reference, type: 'reference' }] }).input).toEqual({ prompt: 'p', image: '<imageList[0]>' });
    expect(prepareImage('black-forest-labs/flux-1.1-pro', { prompt: 'p', size: '1024x768', imageList: [{ image: reference, type: 'style' }] }).input).toEqual({
      prompt: 'p',
      aspect_ratio: 'custom',
      width: 1024,
      height: 768,
      image_prompt: '<imageList[0]>',
    });
    expect(prepareImage('black-forest-labs/flux-1.1-pro-ultra', { prompt: 'p', aspectRatio: '21:9' }).input).toEqual({ prompt: 'p', aspect_ratio: '21:9' });
    expect(prepareImage('black-forest-labs/flux-kontext-pro', { prompt: 'edit', aspectRatio: 'auto', imageList: [{ image: reference, type: 'reference' }] }).input).toEqual({
      prompt: 'edit',
      input_image: '<imageList[0]>',
      aspect_ratio: 'match_input_image',
    });
    expect(() => prepareImage('black-forest-labs/flux-schnell', { prompt: 'p', n: 5 })).toThrow(/n = 5.*from 1 to 4/);
    expect(() => prepareImage('black-forest-labs/flux-1.1-pro', { prompt: 'p', size: '1000x768' })).toThrow(/multiples of 32/);
  });

  it('maps Ideogram v3, Recraft V3, SD 3.5 and SDXL', () => {
    expect(prepareImage('ideogram-ai/ideogram-v3-turbo', { prompt: 'p', size: '1024x1024', style: 'Design', maskImage: 'https://img.example/mask.png', imageList: [{ image: reference, type: 'reference' }] }).input).toEqual({
      prompt: 'p',
      resolution: '1024x1024',
      style_type: 'Design',
      image: '<imageList[0]>',
      mask: '<maskImage>',
    });
    expect(prepareImage('recraft-ai/recraft-v3', { prompt: 'p', size: '1365x1024', style: 'digital_illustration' }).input).toEqual({ prompt: 'p', size: '1365x1024', style: 'digital_illustration' });
    const sd35 = prepareImage('stability-ai/stable-diffusion-3.5-large', { prompt: 'p', aspectRatio: '3:2', negativePrompt: 'n' });
    expect(sd35.input).toEqual({ prompt: 'p', aspect_ratio: '3:2' });
    expect(sd35.warnings).toEqual(['negativePrompt ("n") was not sent: not supported by replicate stability-ai/stable-diffusion-3.5-large']);
    const sdxl = prepareImage('stability-ai/sdxl', { prompt: 'p', n: 2, size: '768x768' });
    expect(sdxl.input).toEqual({ prompt: 'p', width: 768, height: 768, num_outputs: 2 });
    expect(sdxl.route).toEqual({ kind: 'version', path: '/predictions', version: `stability-ai/sdxl:${findModelDefinition('stability-ai/sdxl')?.defaultVersion}` });
    expect(() => prepareImage('recraft-ai/recraft-v3', { prompt: 'p', size: '1000x1000' })).toThrow(/size = "1000x1000"/);
  });
});

describe('routing', () => {
  it('routes by exact id only: a longer or prefixed id gets the generic mapping with a warning', () => {
    const { input, warnings } = prepareVideo('google/veo-3-ultra', { prompt: 'p', durationSeconds: 5, aspectRatio: '1:1', imageList: frames.slice(0, 1) });
    expect(input).toEqual({ prompt: 'p', aspect_ratio: '1:1', duration: 5, image: '<imageList[0]>' });
    expect(warnings[0]).toMatch(/google\/veo-3-ultra has no built-in Replicate mapping/);
  });

  it('reads versions, version ids and deployments', () => {
    const version = 'a'.repeat(64);
    expect(prepareVideo(`google/veo-3:${version}`, { prompt: 'p' }).route).toEqual({ kind: 'version', path: '/predictions', version: `google/veo-3:${version}` });
    expect(prepareVideo(version, { prompt: 'p' }).route).toEqual({ kind: 'version', path: '/predictions', version });
    expect(prepareVideo('deployments/acme/veo', { prompt: 'p' }).route).toEqual({ kind: 'deployment', path: '/deployments/acme/veo/predictions' });
    expect(() => prepareVideo('veo-3', { prompt: 'p' })).toThrow(/config.model = "veo-3"/);
  });

  it('refuses a video model for images', () => {
    expect(() => prepareImage('google/veo-3', { prompt: 'p' })).toThrow(/makes videos; use generateVideo/);
  });

  it('documents a source and confidence for every mapping', () => {
    for (const definition of REPLICATE_MODEL_DEFINITIONS) {
      expect(definition.source.length).toBeGreaterThan(10);
      expect(['high', 'medium', 'low']).toContain(definition.confidence);
    }
  });
});
