import { ValidationError } from '../errors/validation-error';
import type { VideoGenerationRequest } from '../types/video-generation-request';
import type { FieldMappers } from './field-mapper';
import { mapRequest } from './map-request';
import { describe, expect, it } from 'vitest';
import { caseInsensitiveEnumField } from './range-and-case-mappers';

const mappers: FieldMappers<VideoGenerationRequest> = { resolution: caseInsensitiveEnumField('resolution', ['512P', '768P']) };
const map = (resolution?: string): Record<string, unknown> =>
  mapRequest<VideoGenerationRequest>({ prompt: 'p', ...(resolution ? { resolution } : {}) }, mappers, {
    provider: 'fal',
    model: 'fal-ai/hailuo',
  }).body;

describe('caseInsensitiveEnumField', () => {
  it("sends a value in the endpoint's case, whatever case it was given in", () => {
    expect(map('768p')).toEqual({ resolution: '768P' });
    expect(map('512P')).toEqual({ resolution: '512P' });
  });

  it('leaves the field out when the request has no value', () => {
    expect(map()).toEqual({});
  });

  it('rejects other values, naming the field, the value and the allowed values', () => {
    expect(() => map('1080p')).toThrow(ValidationError);
    expect(() => map('1080p')).toThrow('resolution = "1080p": not supported by fal fal-ai/hailuo (allowed: "512P", "768P")');
  });
});
