import { describe, expect, it } from 'vitest';
import { falDocument } from '../test-support/fal-document';
import { analyzeEndpoint, UnsupportedEndpointError } from './endpoint-analysis';

const IMAGE_SIZE = { type: 'object', properties: { width: { type: 'integer' }, height: { type: 'integer' } } } as const;
const PRESETS = ['square_hd', 'portrait_4_3', 'landscape_16_9'];

describe('analyzeEndpoint', () => {
  it('maps the standard video fields a veo-like endpoint has, in schema order', () => {
    const analysis = analyzeEndpoint(
      falDocument({
        endpointId: 'fal-ai/test/video',
        input: {
          prompt: { type: 'string' },
          aspect_ratio: { type: 'string', enum: ['16:9', '9:16'] },
          duration: { type: 'string', enum: ['4s', '8s'] },
          negative_prompt: { type: 'string' },
          resolution: { type: 'string', enum: ['512P', '768P'] },
          generate_audio_switch: { type: 'boolean' },
          prompt_optimizer: { type: 'boolean' },
          seed: { anyOf: [{ type: 'integer' }, { type: 'null' }] },
          num_videos: { type: 'integer', minimum: 1, maximum: 2 },
          auto_fix: { type: 'boolean' },
        },
      }),
    );
    expect(analysis.modality).toBe('video');
    expect(analysis.mapping.mappers).toEqual([
      { kind: 'passthrough', field: 'prompt', source: 'prompt' },
      { kind: 'enum', field: 'aspect_ratio', source: 'aspectRatio', allowed: ['16:9', '9:16'] },
      { kind: 'duration', field: 'duration', plan: { kind: 'enum', field: 'duration', allowed: ['4s', '8s'] } },
      { kind: 'passthrough', field: 'negative_prompt', source: 'negativePrompt' },
      { kind: 'enum', field: 'resolution', source: 'resolution', allowed: ['512P', '768P'] },
      { kind: 'passthrough', field: 'generate_audio_switch', source: 'generateAudio' },
      { kind: 'passthrough', field: 'prompt_optimizer', source: 'enhancePrompt' },
      { kind: 'passthrough', field: 'seed', source: 'seed' },
      { kind: 'number-range', field: 'num_videos', source: 'numberOfVideos', integer: true, min: 1, max: 2 },
    ]);
    expect(analysis.notes).toEqual([]);
  });

  it('maps size and aspect ratio to an image_size union, and n to num_images', () => {
    const analysis = analyzeEndpoint(
      falDocument({
        endpointId: 'fal-ai/test/image',
        category: 'text-to-image',
        components: { ImageSize: IMAGE_SIZE },
        input: {
          prompt: { type: 'string' },
          image_size: { anyOf: [{ $ref: '#/components/schemas/ImageSize' }, { type: 'string', enum: PRESETS }, { type: 'null' }] },
          num_images: { type: 'integer', minimum: 1, maximum: 4 },
          style: { anyOf: [{ type: 'string', enum: ['AUTO', 'DESIGN'] }, { type: 'null' }] },
          loras: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' } } } },
        },
        output: { images: { type: 'array', items: { $ref: '#/components/schemas/File' } } },
      }),
    );
    expect(analysis.modality).toBe('image');
    expect(analysis.output).toEqual({ imageList: ['images'] });
    expect(analysis.mapping.mappers.slice(1)).toEqual([
      { kind: 'image-size', field: 'image_size', presets: PRESETS, customSize: true, fromAspectRatio: true },
      { kind: 'number-range', field: 'num_images', source: 'n', integer: true, min: 1, max: 4 },
      { kind: 'enum', field: 'style', source: 'style', allowed: ['AUTO', 'DESIGN'] },
    ]);
  });

  it('leaves aspectRatio to an own aspect_ratio field and image_size to size alone', () => {
    const analysis = analyzeEndpoint(
      falDocument({
        endpointId: 'fal-ai/test/image',
        category: 'text-to-image',
        input: {
          prompt: { type: 'string' },
          aspect_ratio: { type: 'string', enum: ['1:1'] },
          image_size: { type: 'string', enum: PRESETS },
        },
        output: { image: { $ref: '#/components/schemas/File' } },
      }),
    );
    expect(analysis.mapping.mappers.slice(1)).toEqual([
      { kind: 'enum', field: 'aspect_ratio', source: 'aspectRatio', allowed: ['1:1'] },
      { kind: 'image-size', field: 'image_size', presets: PRESETS, customSize: false, fromAspectRatio: false },
    ]);
    expect(analysis.output).toEqual({ image: ['image'] });
  });

  it('notes standard fields whose endpoint field has an unexpected shape', () => {
    const analysis = analyzeEndpoint(
      falDocument({
        endpointId: 'fal-ai/test/odd',
        input: { prompt: { type: 'string' }, resolution: { type: 'integer' }, seed: { type: 'string' } },
      }),
    );
    expect(analysis.mapping.mappers).toEqual([{ kind: 'passthrough', field: 'prompt', source: 'prompt' }]);
    expect(analysis.notes).toEqual([
      'seed is not mapped: "seed" is string, expected integer or number',
      'resolution is not mapped: "resolution" is integer, expected string',
    ]);
  });

  it('classifies output media by field name, then by referenced schema', () => {
    const analysis = analyzeEndpoint(
      falDocument({
        endpointId: 'fal-ai/test/sora-like',
        components: {
          VideoFile: { type: 'object', properties: { url: { type: 'string' } } },
          ImageFile: { type: 'object', properties: { url: { type: 'string' } } },
        },
        input: { prompt: { type: 'string' } },
        output: {
          video: { allOf: [{ $ref: '#/components/schemas/VideoFile' }] },
          thumbnail: { allOf: [{ $ref: '#/components/schemas/ImageFile' }] },
          clips: { type: 'array', items: { $ref: '#/components/schemas/VideoFile' } },
          soundtrack: { $ref: '#/components/schemas/File' },
          video_id: { type: 'string' },
        },
      }),
    );
    expect(analysis.output).toEqual({ video: ['video'], image: ['thumbnail'], videoList: ['clips'] });
    expect(analysis.notes).toEqual(['output field "soundtrack" holds a file of unknown kind; it is not in the output spec']);
  });

  it('takes a file of unknown kind as the modality when nothing else is', () => {
    const analysis = analyzeEndpoint(
      falDocument({
        endpointId: 'fal-ai/test/result',
        input: { prompt: { type: 'string' } },
        output: { result: { $ref: '#/components/schemas/File' } },
      }),
    );
    expect(analysis.output).toEqual({ video: ['result'] });
  });

  it('refuses endpoints that make neither videos nor images', () => {
    const audio = falDocument({
      endpointId: 'fal-ai/test/tts',
      category: 'text-to-audio',
      input: { text: { type: 'string' } },
      output: { audio: { $ref: '#/components/schemas/File' } },
    });
    expect(() => analyzeEndpoint(audio)).toThrow(
      new UnsupportedEndpointError(
        'fal-ai/test/tts: neither a video nor an image endpoint (category text-to-audio, no video or image in the output)',
      ),
    );
  });
});
