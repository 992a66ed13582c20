/** The protocol phases of the fake OpenAI server: fault targets and recording labels. */
export const OPENAI_PHASES = [
  'image-generate',
  'image-edit',
  'image-media',
  'video-submit',
  'video-status',
  'video-content',
  'video-remix',
  'video-delete',
  'video-list',
] as const;

/** One phase of the OpenAI protocol (e.g. `video-status` for `GET /v1/videos/{id}`). */
export type OpenAIPhase = (typeof OPENAI_PHASES)[number];
