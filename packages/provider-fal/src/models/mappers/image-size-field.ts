import type { FieldMapper, StandardRequestFields } from '@tarash/core';

/** Options of {@link imageSizeField}, read from the endpoint's `image_size` schema. */
export interface ImageSizeFieldOptions {
  /** The preset names the endpoint accepts (`square_hd`, `landscape_16_9`…). */
  readonly presets: readonly string[];
  /** Whether the endpoint also takes `{ width, height }`. */
  readonly customSize: boolean;
  /** Whether `aspectRatio` picks a preset (false when the endpoint has its own `aspect_ratio` field). */
  readonly fromAspectRatio: boolean;
}

/** The aspect ratio each of fal's `image_size` presets stands for, as its name says. */
const PRESET_ASPECT_RATIOS: Readonly<Record<string, string>> = {
  square_hd: '1:1',
  square: '1:1',
  portrait_4_3: '3:4',
  portrait_16_9: '9:16',
  landscape_4_3: '4:3',
  landscape_16_9: '16:9',
};

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** `"32:18"` → `"16:9"`; anything that is not two whole numbers stays as given. */
function reduceRatio(ratio: string): string {
  const match = /^(\d+):(\d+)$/.exec(ratio.trim());
  if (!match) return ratio;
  const [w, h] = [Number(match[1]), Number(match[2])];
  const divisor = gcd(w, h) || 1;
  return `${w / divisor}:${h / divisor}`;
}

/**
 * Maps the image request's `size` (`"1024x768"` → `{ width: 1024, height: 768 }`, when the
 * endpoint takes custom sizes) or else its `aspectRatio` (`"16:9"` → `"landscape_16_9"`, the
 * first preset with that ratio) to fal's `image_size`. A size or ratio the endpoint cannot
 * express is a `ValidationError` listing what it can.
 */
export function imageSizeField<TRequest extends StandardRequestFields & { readonly size?: string; readonly aspectRatio?: string }>(
  options: ImageSizeFieldOptions,
): FieldMapper<TRequest> {
  return (context) => {
    const size = context.use('size');
    if (size !== undefined) {
      const match = /^([1-9]\d*)x([1-9]\d*)$/.exec(size);
      if (options.customSize && match) return { width: Number(match[1]), height: Number(match[2]) };
      context.invalid({
        field: 'size',
        value: size,
        message: options.customSize
          ? 'must look like "1024x768" (width x height in pixels)'
          : `${context.provider} ${context.model} takes only preset sizes: use aspectRatio, or a preset in extraParams.image_size`,
        allowed: options.presets,
      });
    }
    if (!options.fromAspectRatio) return undefined;
    const ratio = context.use('aspectRatio');
    if (ratio === undefined) return undefined;
    const wanted = reduceRatio(ratio);
    const preset = options.presets.find((name) => PRESET_ASPECT_RATIOS[name] === wanted);
    if (preset === undefined) {
      const ratios = options.presets.map((name) => PRESET_ASPECT_RATIOS[name]).filter((r): r is string => r !== undefined);
      context.invalid({
        field: 'aspectRatio',
        value: ratio,
        message: `no image_size preset of ${context.provider} ${context.model} has this aspect ratio${options.customSize ? ' (use size for an exact size)' : ''}`,
        allowed: [...new Set(ratios)],
      });
    }
    return preset;
  };
}
