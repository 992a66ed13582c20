import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../schema/json-schema';
import { detectDurationPlan } from './duration-plan';
import { inspectFields } from './field-shape';

const detect = (properties: Record<string, JsonSchema>): ReturnType<typeof detectDurationPlan> =>
  detectDurationPlan(inspectFields({ type: 'object', properties }, new Map()));

describe('detectDurationPlan', () => {
  it('keeps the enum in the endpoint format: "8s" (veo), "5" (kling, hailuo) or 4 (sora-2)', () => {
    expect(detect({ duration: { type: 'string', enum: ['4s', '6s', '8s'] } })).toEqual({
      kind: 'enum',
      field: 'duration',
      allowed: ['4s', '6s', '8s'],
    });
    expect(detect({ duration: { type: 'string', enum: ['6', '10'] } })).toEqual({ kind: 'enum', field: 'duration', allowed: ['6', '10'] });
    expect(detect({ duration: { type: 'integer', enum: [4, 8, 12] } })).toEqual({ kind: 'enum', field: 'duration', allowed: [4, 8, 12] });
  });

  it('reads a nullable, allOf-wrapped enum', () => {
    const components = new Map<string, JsonSchema>([['Duration', { type: 'string', enum: ['5', '10'] }]]);
    const fields = inspectFields(
      { type: 'object', properties: { duration: { anyOf: [{ allOf: [{ $ref: '#/components/schemas/Duration' }] }, { type: 'null' }] } } },
      components,
    );
    expect(detectDurationPlan(fields)).toEqual({ kind: 'enum', field: 'duration', allowed: ['5', '10'] });
  });

  it('takes ranges of whole or decimal seconds, and infers "Ns" strings from the default', () => {
    expect(detect({ duration: { type: 'integer', minimum: 1, maximum: 15 } })).toEqual({
      kind: 'range',
      field: 'duration',
      format: 'integer',
      min: 1,
      max: 15,
    });
    expect(detect({ duration: { type: 'integer', exclusiveMinimum: 0 } })).toEqual({
      kind: 'range',
      field: 'duration',
      format: 'integer',
      min: 1,
    });
    expect(detect({ duration: { type: 'number', minimum: 0.5, maximum: 20 } })).toEqual({
      kind: 'decimal-range',
      field: 'duration',
      min: 0.5,
      max: 20,
    });
    expect(detect({ duration: { type: 'string', default: '5s' } })).toEqual({ kind: 'range', field: 'duration', format: 'seconds-suffix' });
    expect(detect({ duration: { type: 'string', examples: ['5'] } })).toEqual({ kind: 'range', field: 'duration', format: 'string' });
  });

  it('converts to a frame count for num_frames + frames_per_second endpoints (wan v2.2)', () => {
    expect(
      detect({
        num_frames: { type: 'integer', minimum: 17, maximum: 161, default: 81 },
        frames_per_second: { type: 'integer', minimum: 4, maximum: 60, default: 16 },
      }),
    ).toEqual({ kind: 'frames', field: 'num_frames', minFrames: 17, maxFrames: 161, fpsField: 'frames_per_second', defaultFps: 16 });
  });

  it('explains why a duration-like field cannot be mapped', () => {
    expect(detect({ duration: { type: 'string', enum: ['short', 'long'] } })).toBe(
      '"duration" has values that are not seconds (["short","long"])',
    );
    expect(detect({ duration: { type: 'object', properties: {} } })).toBe('"duration" has an unsupported shape (object)');
    expect(detect({ num_frames: { type: 'integer', minimum: 17 }, frames_per_second: { type: 'integer', default: 16 } })).toBe(
      '"num_frames" is not an integer with a minimum and a maximum',
    );
    expect(detect({ num_frames: { type: 'integer', minimum: 17, maximum: 161 }, frames_per_second: { type: 'integer' } })).toBe(
      '"frames_per_second" has no default frame rate',
    );
  });

  it('finds nothing when the endpoint takes no duration', () => {
    expect(detect({ prompt: { type: 'string' }, num_frames: { type: 'integer', minimum: 1, maximum: 9 } })).toBeUndefined();
  });
});
