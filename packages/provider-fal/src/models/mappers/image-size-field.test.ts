import { mapRequest, passthrough, type ImageGenerationRequest } from '@tarash/core';
import { describe, expect, it } from 'vitest';
import { imageSizeField, type ImageSizeFieldOptions } from './image-size-field';

const PRESETS = ['square_hd', 'square', 'portrait_4_3', 'portrait_16_9', 'landscape_4_3', 'landscape_16_9'];
const BOTH: ImageSizeFieldOptions = { presets: PRESETS, customSize: true, fromAspectRatio: true };

function map(
  request: Partial<ImageGenerationRequest>,
  options: ImageSizeFieldOptions = BOTH,
): { body: Record<string, unknown>; warnings: string[] } {
  const mappers = { prompt: passthrough<ImageGenerationRequest, 'prompt'>('prompt'), image_size: imageSizeField(options) };
  return mapRequest<ImageGenerationRequest>({ prompt: 'p', ...request }, mappers, { provider: 'fal', model: 'fal-ai/flux/dev' });
}

describe('imageSizeField', () => {
  it('turns an aspect ratio into the first preset with that ratio', () => {
    expect(map({ aspectRatio: '16:9' }).body['image_size']).toBe('landscape_16_9');
    expect(map({ aspectRatio: '1:1' }).body['image_size']).toBe('square_hd');
    expect(map({ aspectRatio: '3:4' }).body['image_size']).toBe('portrait_4_3');
    expect(map({ aspectRatio: '32:18' }).body['image_size']).toBe('landscape_16_9');
  });

  it('turns a size into { width, height } when the endpoint takes custom sizes', () => {
    expect(map({ size: '1280x720' }).body['image_size']).toEqual({ width: 1280, height: 720 });
  });

  it('prefers the exact size and reports the aspect ratio as unused', () => {
    const { body, warnings } = map({ size: '1024x1024', aspectRatio: '16:9' });
    expect(body).toEqual({ prompt: 'p', image_size: { width: 1024, height: 1024 } });
    expect(warnings).toEqual(['aspectRatio ("16:9") was not sent: not supported by fal fal-ai/flux/dev']);
  });

  it('rejects a size a preset-only endpoint cannot express, listing the presets', () => {
    const presetsOnly = { presets: ['square_hd', 'landscape_16_9'], customSize: false, fromAspectRatio: true };
    expect(() => map({ size: '1280x720' }, presetsOnly)).toThrow(
      'size = "1280x720": fal fal-ai/flux/dev takes only preset sizes: use aspectRatio, or a preset in extraParams.image_size (allowed: "square_hd", "landscape_16_9")',
    );
  });

  it('rejects an aspect ratio no preset has, listing the ratios', () => {
    expect(() => map({ aspectRatio: '21:9' })).toThrow(
      'aspectRatio = "21:9": no image_size preset of fal fal-ai/flux/dev has this aspect ratio (use size for an exact size) (allowed: "1:1", "3:4", "9:16", "4:3", "16:9")',
    );
  });

  it('leaves aspectRatio alone when the endpoint has its own aspect_ratio field', () => {
    const { body, warnings } = map({ aspectRatio: '16:9' }, { ...BOTH, fromAspectRatio: false });
    expect(body).toEqual({ prompt: 'p' });
    expect(warnings).toEqual(['aspectRatio ("16:9") was not sent: not supported by fal fal-ai/flux/dev']);
  });
});
