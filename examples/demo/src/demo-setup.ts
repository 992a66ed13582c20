import type { GenerationConfig, ImageGenerationRequest, VideoGenerationRequest } from '@tarash/core';

/** What the demo generates and with which provider chains. */
export interface DemoSetup {
  /** Where the providers are: local fake servers or the real APIs. */
  readonly mode: 'embedded' | 'real';
  readonly video?: { readonly config: GenerationConfig; readonly request: VideoGenerationRequest };
  readonly image?: { readonly config: GenerationConfig; readonly request: ImageGenerationRequest };
  /** Lines describing the setup, printed first. */
  readonly notes: readonly string[];
  /** Stops whatever the setup started. */
  close(): Promise<void>;
}

/** The demo's video request: short and cheap, so a run with real keys costs little. */
export const VIDEO_REQUEST: VideoGenerationRequest = {
  prompt: 'A calm mountain lake at sunrise, mist drifting over the water, slow dolly forward',
  durationSeconds: 4,
  aspectRatio: '16:9',
  resolution: '720p',
};

/** The demo's image request. */
/** The demo's image request; square, the one shape every provider's image models offer. */
export const IMAGE_REQUEST: ImageGenerationRequest = {
  prompt: 'A watercolor fox sitting in tall autumn grass',
  aspectRatio: '1:1',
  n: 1,
};
