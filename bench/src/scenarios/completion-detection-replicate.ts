import { replicateCreateWait, replicateRun } from '../contenders/replicate/replicate-client';
import { tarashReplicate } from '../contenders/replicate/tarash-replicate';
import type { CompletionScenario } from './completion-detection';

/** Scenario 6: Replicate predictions, ours vs the official `replicate` client. */
export const replicateCompletionDetection: CompletionScenario = {
  title: '6. Completion detection (Replicate)',
  provider: 'replicate',
  ours: tarashReplicate,
  baselines: [replicateRun, replicateCreateWait],
  note:
    'Ours and replicate.run create with Prefer: wait (the server holds the request until the prediction ends), then poll if it did not; ' +
    'predictions.create + wait creates without waiting and polls every 500 ms.',
};
