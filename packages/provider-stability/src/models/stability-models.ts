/** A Stable Image generate endpoint: `POST /v2beta/stable-image/generate/{endpoint}`. */
export type StabilityImageEndpoint = 'ultra' | 'core' | 'sd3';

/** What the provider knows about one image model id. */
export interface StabilityImageModel {
  readonly id: string;
  readonly endpoint: StabilityImageEndpoint;
  /** The sd3 endpoint's `model` field. */
  readonly sd3Model?: string;
  /** Whether an input image can be sent (ultra: `image` + `strength`; sd3: `mode: image-to-image`). */
  readonly imageToImage: boolean;
  /** Why the id is routed elsewhere by Stability, when it is a legacy id. */
  readonly rerouteNote?: string;
}

const sd3 = (id: string, rerouteTo?: string): StabilityImageModel => ({
  id,
  endpoint: 'sd3',
  sd3Model: id,
  imageToImage: true,
  ...(rerouteTo ? { rerouteNote: `Stability re-routes ${id} to ${rerouteTo} (since 2025-04-17); use ${rerouteTo} as the model id` } : {}),
});

/** The image models, by the id configs use in `model`. */
export const STABILITY_IMAGE_MODELS: Readonly<Record<string, StabilityImageModel>> = {
  'stable-image-ultra': { id: 'stable-image-ultra', endpoint: 'ultra', imageToImage: true },
  'stable-image-core': { id: 'stable-image-core', endpoint: 'core', imageToImage: false },
  'sd3.5-large': sd3('sd3.5-large'),
  'sd3.5-large-turbo': sd3('sd3.5-large-turbo'),
  'sd3.5-medium': sd3('sd3.5-medium'),
  'sd3.5-flash': sd3('sd3.5-flash'),
  'sd3-large': sd3('sd3-large', 'sd3.5-large'),
  'sd3-large-turbo': sd3('sd3-large-turbo', 'sd3.5-large-turbo'),
  'sd3-medium': sd3('sd3-medium', 'sd3.5-medium'),
};

/** The image-to-video model (Stable Video Diffusion), served by `POST /v2beta/image-to-video`. */
export const STABILITY_VIDEO_MODEL = 'stable-video-diffusion';

/** Every model id, for "unknown model" errors. */
export const STABILITY_MODEL_IDS: readonly string[] = [...Object.keys(STABILITY_IMAGE_MODELS), STABILITY_VIDEO_MODEL];
