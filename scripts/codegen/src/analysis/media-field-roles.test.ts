import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../schema/json-schema';
import { inspectFields } from './field-shape';
import { detectMediaFields, type Modality } from './media-field-roles';

const urls: JsonSchema = { type: 'array', items: { type: 'string' } };

function detect(properties: Record<string, JsonSchema>, modality: Modality, required: string[] = []): ReturnType<typeof detectMediaFields> {
  return detectMediaFields(inspectFields({ type: 'object', properties, required }, new Map()), modality);
}

describe('detectMediaFields', () => {
  it('maps fal frame fields to first and last frame by name', () => {
    const { plans } = detect(
      {
        start_image_url: { type: 'string' },
        first_frame_url: { type: 'string' },
        first_image_url: { type: 'string' },
        end_image_url: { type: 'string' },
        last_frame_url: { type: 'string' },
        tail_image_url: { type: 'string' },
      },
      'video',
      ['start_image_url'],
    );
    expect(plans.map((p) => [p.field, p.kind === 'media' ? p.source : p.roles, p.required])).toEqual([
      ['start_image_url', ['first_frame'], true],
      ['first_frame_url', ['first_frame'], false],
      ['first_image_url', ['first_frame'], false],
      ['end_image_url', ['last_frame'], false],
      ['last_frame_url', ['last_frame'], false],
      ['tail_image_url', ['last_frame'], false],
    ]);
  });

  it('reads image_url as the first frame of a video unless its description calls it a reference or target', () => {
    const roles = (description: string): unknown => detect({ image_url: { type: 'string', description } }, 'video').plans[0];
    expect(roles('URL of the input image to animate')).toMatchObject({ roles: ['first_frame'] });
    expect(roles('The URL of the image to use as the first frame; a reference for the style')).toMatchObject({ roles: ['first_frame'] });
    expect(roles('Reference image URL. The characters are based on this image')).toMatchObject({ roles: ['reference', 'asset'] });
    expect(roles('URL of the target image for swapping')).toMatchObject({ roles: ['reference', 'asset'] });
  });

  it('reads image_url as the reference (input) image of an image endpoint', () => {
    expect(detect({ image_url: { type: 'string' } }, 'image').plans).toEqual([
      { kind: 'image', field: 'image_url', roles: ['reference'], required: false },
    ]);
  });

  it('maps image lists to reference, asset and style images with the schema item limits, after single fields', () => {
    const { plans } = detect(
      { reference_image_urls: { ...urls, maxItems: 4, minItems: 1 }, image_url: { type: 'string' }, style_image_url: { type: 'string' } },
      'image',
      ['reference_image_urls'],
    );
    expect(plans).toEqual([
      { kind: 'image', field: 'image_url', roles: ['reference'], required: false },
      { kind: 'image', field: 'style_image_url', roles: ['style'], required: false },
      { kind: 'image-list', field: 'reference_image_urls', roles: ['reference', 'asset', 'style'], required: true, min: 1, max: 4 },
    ]);
  });

  it('keeps a list described as style references for style images only', () => {
    const { plans } = detect({ image_urls: { ...urls, description: 'A set of images to use as style references' } }, 'image');
    expect(plans).toEqual([{ kind: 'image-list', field: 'image_urls', roles: ['style'], required: false }]);
  });

  it('maps video_url and audio_url of video endpoints, and a mask of image endpoints', () => {
    expect(detect({ video_url: { type: 'string' }, audio_url: { type: 'string' } }, 'video', ['video_url']).plans).toEqual([
      { kind: 'media', field: 'video_url', source: 'video', mediaKind: 'video', required: true },
      { kind: 'media', field: 'audio_url', source: 'audio', mediaKind: 'audio', required: false },
    ]);
    expect(detect({ mask_url: { type: 'string' } }, 'image').plans).toEqual([
      { kind: 'media', field: 'mask_url', source: 'maskImage', mediaKind: 'image', required: false },
    ]);
  });

  it('notes URL fields with no standard role instead of guessing', () => {
    const { plans, notes } = detect({ frontal_image_url: { type: 'string' }, video_url: { type: 'string' } }, 'image');
    expect(plans).toEqual([]);
    expect(notes).toEqual([
      '"frontal_image_url" looks like a media input with no standard role; it is left to extraParams',
      '"video_url" looks like a media input with no standard role; it is left to extraParams',
    ]);
  });
});
