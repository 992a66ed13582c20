import { FAKE_REPLICATE_TOKEN } from '@tarash/testing/replicate';
import Replicate from 'replicate';
import type { Contender } from '../video-client';
import { REPLICATE_VIDEO_MODEL, replicateApiBase } from './replicate-fake-model';

function officialClient(serverUrl: string): Replicate {
  return new Replicate({ auth: FAKE_REPLICATE_TOKEN, baseUrl: replicateApiBase(serverUrl) });
}

/** The official `replicate` client's `run` (blocks with `Prefer: wait`, then polls). */
export const replicateRun: Contender = {
  id: 'replicate-run',
  label: 'replicate.run',
  connect(serverUrl) {
    const client = officialClient(serverUrl);
    return {
      async generate(prompt) {
        await client.run(REPLICATE_VIDEO_MODEL, { input: { prompt } });
      },
    };
  },
};

/** The official client's other idiom: `predictions.create`, then `wait` (polls every 500 ms). */
export const replicateCreateWait: Contender = {
  id: 'replicate-create-wait',
  label: 'replicate predictions.create + wait',
  connect(serverUrl) {
    const client = officialClient(serverUrl);
    return {
      async generate(prompt) {
        const created = await client.predictions.create({ model: REPLICATE_VIDEO_MODEL, input: { prompt } });
        const done = await client.wait(created, {});
        if (done.status !== 'succeeded') throw new Error(`prediction ${done.id} ended ${done.status}`);
      },
    };
  },
};
