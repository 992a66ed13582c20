import { parseDurationValue, type PreparedRequest, type ProviderImageResult, type ProviderVideoResult } from '@tarash/core';

function bodyOf(prepared: PreparedRequest): Record<string, unknown> {
  const { body } = prepared;
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
}

/**
 * Mock mode: the duration and resolution fal would have been asked for, read from the mapped
 * body in fal's own format (`"8s"`, `"8"` or `8`; `"720p"`).
 */
export function falMockVideoResult(prepared: PreparedRequest): Partial<ProviderVideoResult> {
  const { duration, resolution } = bodyOf(prepared);
  const seconds = typeof duration === 'string' || typeof duration === 'number' ? parseDurationValue(duration) : Number.NaN;
  return {
    ...(Number.isFinite(seconds) && seconds > 0 ? { duration: seconds } : {}),
    ...(typeof resolution === 'string' ? { resolution } : {}),
  };
}

/** Mock mode: the image size fal would have been asked for, when the body gives `image_size` as `{ width, height }`. */
export function falMockImageResult(prepared: PreparedRequest): Partial<ProviderImageResult> {
  const size = bodyOf(prepared).image_size;
  if (typeof size !== 'object' || size === null) return {};
  const { width, height } = size as { width?: unknown; height?: unknown };
  return typeof width === 'number' && typeof height === 'number' ? { width, height } : {};
}
