import type { StabilityAspectRatio, StabilityOutputFormat, StabilitySd3Mode, StabilityStylePreset } from './stability-values';

/** `extraParams` every Stable Image endpoint takes (the standard request maps most of them too). */
export interface StabilityImageCommonParams {
  /** Default `png`. */
  readonly output_format?: StabilityOutputFormat;
  readonly style_preset?: StabilityStylePreset;
  readonly aspect_ratio?: StabilityAspectRatio;
  readonly negative_prompt?: string;
  /** 0..4294967294; 0 = random. */
  readonly seed?: number;
}

/** `extraParams` of `stable-image-core`. */
export type StabilityCoreParams = StabilityImageCommonParams;

/** `extraParams` of `stable-image-ultra`. */
export interface StabilityUltraParams extends StabilityImageCommonParams {
  /** 0..1, required with an input image: 0 keeps the image, 1 ignores it. */
  readonly strength?: number;
}

/** `extraParams` of the sd3.5 models. */
export interface StabilitySd3Params extends StabilityUltraParams {
  /** 1..10; Stability's default is 4 (large, medium) or 1 (turbo, flash). */
  readonly cfg_scale?: number;
  /** Set from the input image; only give it to be explicit. */
  readonly mode?: StabilitySd3Mode;
}

/** `extraParams` of `stable-video-diffusion` (image-to-video). */
export interface StabilityImageToVideoParams {
  /** 0..10 (Stability's default 1.8 [C]): how strongly the video sticks to the first frame. */
  readonly cfg_scale?: number;
  /** 1..255 (default 127 [C]): more motion for higher values. */
  readonly motion_bucket_id?: number;
  readonly seed?: number;
}

/** Typed `extraParams` per Stability model id (see `ProviderModelRegistry` in `@tarash/core`). */
export interface StabilityModelParams {
  'stable-image-ultra': StabilityUltraParams;
  'stable-image-core': StabilityCoreParams;
  'sd3.5-large': StabilitySd3Params;
  'sd3.5-large-turbo': StabilitySd3Params;
  'sd3.5-medium': StabilitySd3Params;
  'sd3.5-flash': StabilitySd3Params;
  'stable-video-diffusion': StabilityImageToVideoParams;
}
