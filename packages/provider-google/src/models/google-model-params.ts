/** `personGeneration` values; Google's SDK sends them upper-case, its REST docs lower-case (wire.md §10: either casing). */
export type PersonGeneration = 'allow_all' | 'allow_adult' | 'dont_allow' | 'ALLOW_ALL' | 'ALLOW_ADULT' | 'DONT_ALLOW';

/** Veo parameters beyond the standard request, sent as given in `parameters`. */
export interface VeoExtraParams {
  readonly personGeneration?: PersonGeneration;
  /** Vertex AI: write the videos to this Cloud Storage prefix (results are then `gs://` URIs). */
  readonly storageUri?: string;
  /** Vertex AI: frames per second. */
  readonly fps?: number;
  /** Vertex AI: `optimized` or `lossless`. */
  readonly compressionQuality?: string;
  /** Vertex AI: how an input image is fitted (`pad` or `crop`). */
  readonly resizeMode?: string;
  /** Any other Veo parameter, forwarded unchanged. */
  readonly [parameter: string]: unknown;
}

/** Imagen parameters beyond the standard request, sent as given in `parameters`. */
export interface ImagenExtraParams {
  readonly personGeneration?: PersonGeneration;
  /** `1K` or `2K` (Imagen 4 standard and ultra). */
  readonly sampleImageSize?: '1K' | '2K';
  readonly outputOptions?: { readonly mimeType?: string; readonly compressionQuality?: number };
  readonly safetySetting?: string;
  readonly includeSafetyAttributes?: boolean;
  readonly language?: string;
  /** Vertex AI: must be `false` for a `seed` to be accepted. */
  readonly addWatermark?: boolean;
  /** Vertex AI: let Imagen rewrite the prompt. */
  readonly enhancePrompt?: boolean;
  /** Vertex AI: write the images to this Cloud Storage prefix (results are then `gs://` URIs). */
  readonly storageUri?: string;
  /** Any other Imagen parameter, forwarded unchanged. */
  readonly [parameter: string]: unknown;
}

/** `generateContent` settings beyond the standard request: `generationConfig` fields, and the request's own top-level fields. */
export interface GeminiImageExtraParams {
  readonly responseModalities?: readonly ('TEXT' | 'IMAGE')[];
  readonly temperature?: number;
  readonly safetySettings?: readonly { readonly category: string; readonly threshold: string }[];
  readonly systemInstruction?: unknown;
  /** Any other `generationConfig` field, forwarded unchanged. */
  readonly [field: string]: unknown;
}

/**
 * Typed `extraParams` of the Google models this package knows, for the core model registry:
 * `model: 'veo-3.1-generate-preview'` then autocompletes and types its `extraParams`.
 */
export interface GoogleModelParams {
  readonly 'veo-3.1-generate-preview': VeoExtraParams;
  readonly 'veo-3.1-fast-generate-preview': VeoExtraParams;
  readonly 'veo-3.1-generate-001': VeoExtraParams;
  readonly 'veo-3.1-fast-generate-001': VeoExtraParams;
  readonly 'veo-3.0-generate-001': VeoExtraParams;
  readonly 'veo-3.0-fast-generate-001': VeoExtraParams;
  readonly 'veo-2.0-generate-001': VeoExtraParams;
  readonly 'imagen-4.0-generate-001': ImagenExtraParams;
  readonly 'imagen-4.0-ultra-generate-001': ImagenExtraParams;
  readonly 'imagen-4.0-fast-generate-001': ImagenExtraParams;
  readonly 'imagen-3.0-generate-002': ImagenExtraParams;
  readonly 'imagen-3.0-generate-001': ImagenExtraParams;
  readonly 'gemini-2.5-flash-image': GeminiImageExtraParams;
  readonly 'gemini-3-pro-image-preview': GeminiImageExtraParams;
}
