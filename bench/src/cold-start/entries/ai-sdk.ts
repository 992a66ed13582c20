/** Bundle entry: a video through the Vercel AI SDK with its fal provider. */
import { fal } from '@ai-sdk/fal';
import { experimental_generateVideo } from 'ai';

export function generate(prompt: string) {
  return experimental_generateVideo({ model: fal.video('fal-ai/veo3.1'), prompt });
}
