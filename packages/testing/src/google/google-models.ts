/** The kinds of model the fake Google server serves, each with its own method. */
export type GoogleModelFamily = 'veo' | 'imagen' | 'gemini-image';

/** Which Google API a request came through. */
export type GoogleApi = 'gemini' | 'vertex';

/** The custom method of each family: `models/{model}:{method}`. */
export const FAMILY_METHOD: Readonly<Record<GoogleModelFamily, string>> = {
  veo: 'predictLongRunning',
  imagen: 'predict',
  'gemini-image': 'generateContent',
};

/** API versions each API answers on (wire.md §4.1, §4.6). */
export const API_VERSIONS: Readonly<Record<GoogleApi, readonly string[]>> = {
  gemini: ['v1beta', 'v1'],
  vertex: ['v1', 'v1beta1'],
};

/**
 * The models served by default (wire.md §4.2–§4.4; `veo-3.1-lite-generate-preview` is [C]).
 * Any other model id gets Google's 404; add ids with the server's `models` option.
 */
export const DEFAULT_GOOGLE_MODELS: Readonly<Record<GoogleModelFamily, readonly string[]>> = {
  veo: [
    'veo-3.1-generate-preview',
    'veo-3.1-fast-generate-preview',
    'veo-3.1-lite-generate-preview',
    'veo-3.1-generate-001',
    'veo-3.1-fast-generate-001',
    'veo-3.0-generate-001',
    'veo-3.0-fast-generate-001',
    'veo-2.0-generate-001',
  ],
  imagen: ['imagen-4.0-generate-001', 'imagen-4.0-ultra-generate-001', 'imagen-4.0-fast-generate-001', 'imagen-3.0-generate-002', 'imagen-3.0-generate-001', 'imagen-3.0-fast-generate-001'],
  'gemini-image': ['gemini-2.5-flash-image', 'gemini-2.5-flash-image-preview', 'gemini-3-pro-image-preview', 'gemini-3.1-flash-image-preview'],
};
