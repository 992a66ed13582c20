import type { FieldMapper, ImageGenerationRequest } from '@tarash/core';
import { STABILITY_ASPECT_RATIOS } from '../models/stability-values';

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** The aspect ratio of a `"WxH"` size in lowest terms, e.g. `1920x1080` → `16:9`. */
export function sizeToAspectRatio(size: string): string {
  const [width, height] = size.split('x').map(Number) as [number, number];
  const divisor = gcd(width, height);
  return `${width / divisor}:${height / divisor}`;
}

/**
 * Maps `aspectRatio`, or a `size` whose ratio is exactly one of Stability's, to
 * `aspect_ratio`. Stability picks the pixel size itself, so a size is never sent as pixels:
 * an inexact one is an error listing the ratios, an exact one a warning that only the
 * ratio was used.
 */
export function aspectRatioField(): FieldMapper<ImageGenerationRequest> {
  const allowed: readonly string[] = STABILITY_ASPECT_RATIOS;
  return (context) => {
    const ratio = context.use('aspectRatio');
    const size = context.use('size');
    if (ratio !== undefined && !allowed.includes(ratio)) {
      context.invalid({ field: 'aspectRatio', value: ratio, message: `not supported by ${context.provider} ${context.model}`, allowed });
    }
    if (size === undefined) return ratio;
    const fromSize = sizeToAspectRatio(size);
    if (!allowed.includes(fromSize)) {
      context.invalid({
        field: 'size',
        value: size,
        message: `${context.provider} takes an aspect ratio, not a pixel size, and ${fromSize} is none of its ratios; pass aspectRatio instead`,
        allowed,
      });
    }
    if (ratio !== undefined && ratio !== fromSize) {
      context.invalid({ field: 'size', value: size, message: `has the aspect ratio ${fromSize}, which contradicts aspectRatio "${ratio}"` });
    }
    context.warn(`size "${size}" was sent as aspect_ratio ${fromSize}: ${context.provider} chooses the pixel size itself`);
    return fromSize;
  };
}
