import type { Contender } from '../video-client';
import { aiSdkFal } from './ai-sdk-fal';
import { falJsPolling, falJsStreaming } from './fal-js-subscribe';
import { rawFetchFal } from './raw-fetch-fal';
import { tarashFal } from './tarash-fal';

/** Every fal contender, ours first, for scenarios that run them by id in a child process. */
export const FAL_CONTENDERS: readonly Contender[] = [tarashFal, rawFetchFal, falJsPolling, falJsStreaming, aiSdkFal];

export function falContender(id: string): Contender {
  const contender = FAL_CONTENDERS.find((candidate) => candidate.id === id);
  if (!contender) throw new Error(`unknown fal contender ${JSON.stringify(id)}; known: ${FAL_CONTENDERS.map((c) => c.id).join(', ')}`);
  return contender;
}
