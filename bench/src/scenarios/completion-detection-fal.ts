import { aiSdkFal } from '../contenders/fal/ai-sdk-fal';
import { falJsPolling, falJsStreaming } from '../contenders/fal/fal-js-subscribe';
import { tarashFal } from '../contenders/fal/tarash-fal';
import type { CompletionScenario } from './completion-detection';

/** Scenario 1: fal video jobs, ours vs fal-js (both modes) vs the Vercel AI SDK. */
export const falCompletionDetection: CompletionScenario = {
  title: '1. Completion detection (fal)',
  provider: 'fal',
  ours: tarashFal,
  baselines: [falJsPolling, falJsStreaming, aiSdkFal],
  note:
    'Ours follows the SSE status stream, then fetches the result. fal-js polls the status every 500 ms by default ("streaming" follows the stream). ' +
    'The AI SDK (experimental_generateVideo + fal.video) submits to the queue, polls the result URL every 2 s, then downloads the video (counted: one media request).',
};
