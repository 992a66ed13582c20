import { ValidationError, type Modality } from '@tarash/core';

/**
 * What one Veo version can do. Facts tagged [C] in wire.md are marked here too: Google does not
 * document them per model, so they are our best reading and can be bypassed through
 * `extraParams` (which are sent as given).
 */
export interface VeoCapabilities {
  readonly kind: 'veo';
  readonly version: '2.0' | '3.0' | '3.1';
  /** Allowed `durationSeconds` [C]. */
  readonly durations: readonly number[];
  /** Allowed `resolution` values [C for 4k]. */
  readonly resolutions: readonly string[];
  /** Whether the model makes audio (Veo 3 and later). */
  readonly audio: boolean;
  /** Whether the model takes a last frame (`lastFrame`) [C]. */
  readonly lastFrame: boolean;
  /** Whether the model takes reference images (`referenceImages`) [C]. */
  readonly referenceImages: boolean;
  /** Whether the model extends an input video (`video`) [C]. */
  readonly videoExtension: boolean;
}

/** What one Imagen model can do. */
export interface ImagenCapabilities {
  readonly kind: 'imagen';
  readonly version: '3.0' | '4.0';
  /** Whether `sampleImageSize: "2K"` is available (Imagen 4 standard and ultra [C]). */
  readonly size2k: boolean;
  /** Whether Vertex AI takes `negativePrompt` (the Imagen 3 `-001` models [C]). */
  readonly negativePrompt: boolean;
}

/** What one Gemini native image model can do. */
export interface GeminiImageCapabilities {
  readonly kind: 'gemini-image';
  /** Whether `imageConfig.imageSize` is available (Gemini 3 image models; 2.x make about 1K [C]). */
  readonly imageSize: boolean;
}

/** A model this provider knows, by family. */
export type GoogleModelCapabilities = VeoCapabilities | ImagenCapabilities | GeminiImageCapabilities;

/** A declared model family: the model ids it covers and what they can do. */
interface ModelFamily {
  /** Shown in errors, e.g. `veo-3.1-*`. */
  readonly label: string;
  readonly pattern: RegExp;
  readonly capabilities: (model: string) => GoogleModelCapabilities;
}

const VEO_3: Omit<VeoCapabilities, 'version' | 'resolutions' | 'lastFrame' | 'referenceImages' | 'videoExtension'> = { kind: 'veo', durations: [4, 6, 8], audio: true };

/**
 * The model families, matched against the whole model id (never a bare prefix), so an id
 * outside them is refused with the list of families instead of being guessed at.
 */
const FAMILIES: readonly ModelFamily[] = [
  {
    label: 'veo-3.1-*',
    pattern: /^veo-3\.1-(?:fast-|lite-)?generate-(?:preview|\d{3})$/,
    capabilities: () => ({ ...VEO_3, version: '3.1', resolutions: ['720p', '1080p', '4k'], lastFrame: true, referenceImages: true, videoExtension: true }),
  },
  {
    label: 'veo-3.0-*',
    pattern: /^veo-3\.0-(?:fast-)?generate-(?:preview|\d{3})$/,
    capabilities: () => ({ ...VEO_3, version: '3.0', resolutions: ['720p', '1080p'], lastFrame: false, referenceImages: false, videoExtension: false }),
  },
  {
    label: 'veo-2.0-*',
    pattern: /^veo-2\.0-generate-(?:exp|preview|\d{3})$/,
    capabilities: () => ({ kind: 'veo', version: '2.0', durations: [5, 6, 7, 8], resolutions: ['720p'], audio: false, lastFrame: true, referenceImages: false, videoExtension: true }),
  },
  {
    label: 'imagen-4.0-*',
    pattern: /^imagen-4\.0-(?:ultra-|fast-)?generate-(?:preview-\d{2}-\d{2}|\d{3})$/,
    capabilities: (model) => ({ kind: 'imagen', version: '4.0', size2k: !model.includes('-fast-'), negativePrompt: false }),
  },
  {
    label: 'imagen-3.0-*',
    pattern: /^imagen-3\.0-(?:fast-)?generate-\d{3}$/,
    capabilities: (model) => ({ kind: 'imagen', version: '3.0', size2k: false, negativePrompt: model.endsWith('-001') }),
  },
  {
    label: 'gemini-*-image*',
    pattern: /^gemini-\d+(?:\.\d+)?-[a-z0-9.-]*image[a-z0-9.-]*$/,
    capabilities: (model) => ({ kind: 'gemini-image', imageSize: !/^gemini-[12](?:\.\d+)?-/.test(model) }),
  },
];

/** The families of a modality, for error messages. */
const familyLabels = (modality: Modality) => FAMILIES.filter((family) => (family.label.startsWith('veo') ? modality === 'video' : modality === 'image')).map((family) => family.label);

/**
 * The capabilities of `model` for `modality`, or a `ValidationError` that lists the model
 * families this provider serves for that modality.
 */
export function resolveGoogleModel(model: string, modality: 'video', provider: string): VeoCapabilities;
export function resolveGoogleModel(model: string, modality: 'image', provider: string): ImagenCapabilities | GeminiImageCapabilities;
export function resolveGoogleModel(model: string, modality: Modality, provider: string): GoogleModelCapabilities {
  const family = FAMILIES.find((candidate) => candidate.pattern.test(model));
  const capabilities = family?.capabilities(model);
  if (capabilities && (capabilities.kind === 'veo') === (modality === 'video')) return capabilities;
  const message = capabilities
    ? `is ${capabilities.kind === 'veo' ? 'a video' : 'an image'} model; use generate${capabilities.kind === 'veo' ? 'Video' : 'Image'}`
    : `is not a Google ${modality} model this provider knows`;
  throw new ValidationError({ provider, model, issues: [{ field: 'config.model', value: model, message, allowed: familyLabels(modality) }] });
}
