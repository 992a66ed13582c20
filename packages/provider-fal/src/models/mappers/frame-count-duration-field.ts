import type { FieldMapper, StandardRequestFields } from '@tarash/core';

/** Options of {@link frameCountDurationField}, read from the endpoint's `num_frames` and frame-rate fields. */
export interface FrameCountDurationFieldOptions {
  /** The frame-count range of the endpoint (inclusive). */
  readonly minFrames: number;
  readonly maxFrames: number;
  /** The endpoint's frame-rate field (`frames_per_second`), read from `extraParams` when set there. */
  readonly fpsField: string;
  /** The frame rate the endpoint uses when none is given. */
  readonly defaultFps: number;
}

const seconds = (frames: number, fps: number): string => String(Math.round(((frames - 1) / fps) * 100) / 100);

/**
 * For endpoints that take a frame count instead of a duration (wan v2.2: `num_frames` with
 * `frames_per_second`): converts `durationSeconds` to `round(seconds × fps) + 1` frames, the
 * convention behind the schema's defaults (81 frames at 16 fps = 5 s). The frame rate is the
 * one in `extraParams` if given, else the endpoint's default. A duration outside the
 * frame range is a `ValidationError` giving the range in seconds.
 */
export function frameCountDurationField<TRequest extends StandardRequestFields & { readonly durationSeconds?: number }>(
  options: FrameCountDurationFieldOptions,
): FieldMapper<TRequest> {
  return (context) => {
    const duration = context.use('durationSeconds');
    if (duration === undefined) return undefined;
    const requested = context.peek('extraParams')?.[options.fpsField];
    const fps = typeof requested === 'number' && requested > 0 ? requested : options.defaultFps;
    const frames = Math.round(duration * fps) + 1;
    if (frames < options.minFrames || frames > options.maxFrames) {
      context.invalid({
        field: 'durationSeconds',
        value: duration,
        message: `${context.provider} ${context.model} takes ${seconds(options.minFrames, fps)} to ${seconds(options.maxFrames, fps)} seconds at ${fps} frames per second (${options.minFrames} to ${options.maxFrames} frames; set extraParams.${options.fpsField} for another rate)`,
      });
    }
    return frames;
  };
}
