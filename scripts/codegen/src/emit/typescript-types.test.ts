import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../schema/json-schema';
import { emitTypeDeclarations } from './typescript-types';

describe('emitTypeDeclarations', () => {
  it('keeps fal names, links references, drops nested titles and documents defaults', async () => {
    const components = new Map<string, JsonSchema>([
      [
        'Flux2Klein4bInput',
        {
          type: 'object',
          title: 'Flux2Klein4bTextToImageInput',
          'x-fal-order-properties': ['prompt', 'image_size'],
          required: ['prompt'],
          properties: {
            image_size: {
              anyOf: [{ $ref: '#/components/schemas/ImageSize' }, { type: 'string', enum: ['square_hd'] }],
              default: 'square_hd',
              title: 'Image Size',
            },
            prompt: { type: 'string', title: 'Prompt', description: 'What to draw.' },
            points: { type: 'array', items: { $ref: '#/components/schemas/TrackPoint' } },
          },
        },
      ],
      ['ImageSize', { type: 'object', properties: { width: { type: 'integer' } } }],
    ]);
    const names = new Map([
      ['Flux2Klein4bInput', 'Flux2Klein4bInput'],
      ['ImageSize', 'ImageSize'],
    ]);
    const source = await emitTypeDeclarations([...names.keys()], names, components, new Map([['Flux2Klein4bInput', 'Request body.']]));
    expect(source).toContain('export interface Flux2Klein4bInput {');
    expect(source).toMatch(/Request body\.\s*\*\/\s*export interface Flux2Klein4bInput/);
    expect(source.indexOf('prompt: string')).toBeLessThan(source.indexOf('image_size?:'));
    expect(source).toContain('image_size?: (ImageSize | "square_hd")');
    expect(source).toContain('@defaultValue `"square_hd"`');
    expect(source).toContain('points?: unknown[]');
    expect(source).toContain("fal's `ImageSize` schema.");
    expect(source).not.toMatch(/export (type|interface) (Prompt|ImageSize1|Flux2Klein4BInput)\b/);
    expect(source).not.toContain('[k: string]');
  });
});
