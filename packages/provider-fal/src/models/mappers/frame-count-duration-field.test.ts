import { mapRequest, type VideoGenerationRequest } from '@tarash/core';
import { describe, expect, it } from 'vitest';
import { frameCountDurationField } from './frame-count-duration-field';

const WAN = { minFrames: 17, maxFrames: 161, fpsField: 'frames_per_second', defaultFps: 16 };

function map(request: Partial<VideoGenerationRequest>): Record<string, unknown> {
  return mapRequest<VideoGenerationRequest>(
    { prompt: 'p', ...request },
    { num_frames: frameCountDurationField(WAN) },
    { provider: 'fal', model: 'fal-ai/wan' },
  ).body;
}

describe('frameCountDurationField', () => {
  it('converts seconds to frames at the default rate (81 frames at 16 fps = 5 s, as the schema defaults say)', () => {
    expect(map({ durationSeconds: 5 })).toEqual({ num_frames: 81 });
    expect(map({ durationSeconds: 1 })).toEqual({ num_frames: 17 });
    expect(map({ durationSeconds: 10 })).toEqual({ num_frames: 161 });
    expect(map({ durationSeconds: 2.5 })).toEqual({ num_frames: 41 });
  });

  it('uses the frame rate given in extraParams', () => {
    expect(map({ durationSeconds: 5, extraParams: { frames_per_second: 24 } })).toEqual({ num_frames: 121, frames_per_second: 24 });
  });

  it('rejects a duration outside the frame range, giving the range in seconds', () => {
    expect(() => map({ durationSeconds: 11 })).toThrow(
      'durationSeconds = 11: fal fal-ai/wan takes 1 to 10 seconds at 16 frames per second (17 to 161 frames; set extraParams.frames_per_second for another rate)',
    );
    expect(() => map({ durationSeconds: 7, extraParams: { frames_per_second: 24 } })).toThrow(
      'takes 0.67 to 6.67 seconds at 24 frames per second',
    );
  });

  it('leaves the field out without a duration', () => {
    expect(map({})).toEqual({});
  });
});
