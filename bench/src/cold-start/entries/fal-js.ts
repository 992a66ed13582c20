/** Bundle entry: a video through the official fal client. */
import { fal } from '@fal-ai/client';

export function generate(prompt: string) {
  return fal.subscribe('fal-ai/veo3.1', { input: { prompt } });
}
