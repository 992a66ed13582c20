/** The `aspect_ratio` values of the Stable Image endpoints. */
export const STABILITY_ASPECT_RATIOS = ['21:9', '16:9', '3:2', '5:4', '1:1', '4:5', '2:3', '9:16', '9:21'] as const;

/** One of {@link STABILITY_ASPECT_RATIOS}. */
export type StabilityAspectRatio = (typeof STABILITY_ASPECT_RATIOS)[number];

/** The `style_preset` values (the standard `style` maps here). */
export const STABILITY_STYLE_PRESETS = [
  'enhance',
  'anime',
  'photographic',
  'digital-art',
  'comic-book',
  'fantasy-art',
  'line-art',
  'analog-film',
  'neon-punk',
  'isometric',
  'low-poly',
  'origami',
  'modeling-compound',
  'cinematic',
  '3d-model',
  'pixel-art',
  'tile-texture',
] as const;

/** One of {@link STABILITY_STYLE_PRESETS}. */
export type StabilityStylePreset = (typeof STABILITY_STYLE_PRESETS)[number];

/** The `output_format` values. */
export const STABILITY_OUTPUT_FORMATS = ['png', 'jpeg', 'webp'] as const;

/** One of {@link STABILITY_OUTPUT_FORMATS}. */
export type StabilityOutputFormat = (typeof STABILITY_OUTPUT_FORMATS)[number];

/** The sd3 `mode` values. */
export const STABILITY_SD3_MODES = ['text-to-image', 'image-to-image'] as const;

/** One of {@link STABILITY_SD3_MODES}. */
export type StabilitySd3Mode = (typeof STABILITY_SD3_MODES)[number];

/** Largest seed; 0 asks Stability for a random one. */
export const STABILITY_MAX_SEED = 4_294_967_294;

/** Longest prompt and negative prompt, in characters. */
export const STABILITY_MAX_PROMPT_LENGTH = 10_000;

/** Largest request Stability accepts (413 above it). */
export const STABILITY_MAX_REQUEST_BYTES = 10 * 1024 * 1024;

/** The first-frame sizes image-to-video accepts. */
export const STABILITY_VIDEO_FRAME_SIZES = ['1024x576', '576x1024', '768x768'] as const;

/** What a finished generation reports; `CONTENT_FILTERED` means the output was blurred. */
export const STABILITY_FINISH_REASONS = ['SUCCESS', 'CONTENT_FILTERED'] as const;
