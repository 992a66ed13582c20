import type { ImageGenerationRequest } from '../types/image-generation-request';
import type { FieldMappers } from './field-mapper';
import { mapRequest } from './map-request';
import { describe, expect, it } from 'vitest';
import { numberRangeField, type NumberRangeFieldOptions } from './range-and-case-mappers';

function map(n: number, options: NumberRangeFieldOptions): Record<string, unknown> {
  const mappers: FieldMappers<ImageGenerationRequest> = { num_images: numberRangeField('n', options) };
  return mapRequest<ImageGenerationRequest>({ prompt: 'p', n }, mappers, { provider: 'fal', model: 'fal-ai/flux/dev' }).body;
}

describe('numberRangeField', () => {
  it('sends a value within the range under the endpoint name', () => {
    expect(map(1, { min: 1, max: 4, integer: true })).toEqual({ num_images: 1 });
    expect(map(4, { min: 1, max: 4, integer: true })).toEqual({ num_images: 4 });
    expect(map(2.5, { min: 0.5 })).toEqual({ num_images: 2.5 });
  });

  it('rejects values outside the range or not whole, naming the range', () => {
    expect(() => map(5, { min: 1, max: 4, integer: true })).toThrow('n = 5: fal fal-ai/flux/dev takes whole numbers from 1 to 4');
    expect(() => map(0, { min: 1, integer: true })).toThrow('n = 0: fal fal-ai/flux/dev takes whole numbers from 1');
    expect(() => map(1.5, { max: 4, integer: true })).toThrow('n = 1.5: fal fal-ai/flux/dev takes whole numbers up to 4');
    expect(() => map(0.1, { min: 0.5, max: 2 })).toThrow('n = 0.1: fal fal-ai/flux/dev takes numbers from 0.5 to 2');
  });
});
