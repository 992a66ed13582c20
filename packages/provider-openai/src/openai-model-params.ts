/** `extraParams` of the gpt-image models (sent unchanged; validated before sending). */
export interface GptImageParams {
  readonly background?: 'transparent' | 'opaque' | 'auto';
  readonly output_format?: 'png' | 'jpeg' | 'webp';
  /** 0..100, for jpeg and webp. */
  readonly output_compression?: number;
  readonly moderation?: 'low' | 'auto';
  /** Edits only; not for gpt-image-1-mini. */
  readonly input_fidelity?: 'high' | 'low';
  readonly user?: string;
}

/** `extraParams` of the dall-e models. */
export interface DallEParams {
  readonly response_format?: 'url' | 'b64_json';
  readonly user?: string;
}

/**
 * `extraParams` of the Sora 2 models.
 * @deprecated Sora 2 and the Videos API shut down on 2026-09-24.
 */
export interface SoraParams {
  /** Remix this completed video (`POST /videos/{id}/remix`) instead of creating one. */
  readonly remixVideoId?: string;
  /** Overrides the mapped `seconds`, e.g. `"16"` where an account has longer clips [C]. */
  readonly seconds?: '4' | '8' | '12' | (string & {});
  /** Overrides the mapped `size`, e.g. `"1920x1080"` where an account has 1080p [C]. */
  readonly size?: string;
}

/** Typed `extraParams` per OpenAI model id, for `ProviderModelRegistry`. */
export interface OpenAIModelParams {
  readonly 'gpt-image-1': GptImageParams;
  readonly 'gpt-image-1-mini': GptImageParams;
  readonly 'gpt-image-1.5': GptImageParams;
  readonly 'gpt-image-2': GptImageParams;
  readonly 'dall-e-3': DallEParams;
  readonly 'dall-e-2': DallEParams;
  /** @deprecated Sora 2 and the Videos API shut down on 2026-09-24. */
  readonly 'sora-2': SoraParams;
  /** @deprecated Sora 2 and the Videos API shut down on 2026-09-24. */
  readonly 'sora-2-pro': SoraParams;
  /** @deprecated Sora 2 and the Videos API shut down on 2026-09-24. */
  readonly 'sora-2-2025-10-06': SoraParams;
  /** @deprecated Sora 2 and the Videos API shut down on 2026-09-24. */
  readonly 'sora-2-pro-2025-10-06': SoraParams;
  /** @deprecated Sora 2 and the Videos API shut down on 2026-09-24. */
  readonly 'sora-2-2025-12-08': SoraParams;
}
