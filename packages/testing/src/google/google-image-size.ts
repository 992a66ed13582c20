/** The side of a square image per size tier (Imagen `sampleImageSize`, Gemini `imageSize`). */
const TIER_SIDE: Readonly<Record<string, number>> = { '512': 512, '1K': 1024, '2K': 2048, '4K': 4096 };

const roundTo16 = (value: number): number => Math.max(16, Math.round(value / 16) * 16);

/**
 * The pixel size of a generated image: the tier's area at the requested aspect ratio, in
 * multiples of 16 (close to, but not exactly, Google's own tables, which are [C]). An unknown
 * ratio or tier falls back to 1:1 and 1K.
 */
export function imageDimensions(aspectRatio: unknown, sizeTier: unknown): { readonly width: number; readonly height: number } {
  const side = (typeof sizeTier === 'string' ? TIER_SIDE[sizeTier.toUpperCase()] : undefined) ?? 1024;
  const match = typeof aspectRatio === 'string' ? /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(aspectRatio) : null;
  const ratio = match ? Number(match[1]) / Number(match[2]) : 1;
  const width = Math.sqrt(side * side * ratio);
  return { width: roundTo16(width), height: roundTo16((side * side) / width) };
}
