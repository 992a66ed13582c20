import Replicate from 'replicate';
import type { FakeServerAddress } from '../../fake-servers/server-host-protocol';
import type { Contender } from '../video-client';
import { REPLICATE_VIDEO_MODEL, replicateApiBase } from './replicate-fake-model';

function officialClient(server: FakeServerAddress): Replicate {
  return new Replicate({ auth: server.apiKey, baseUrl: replicateApiBase(server.url) });
}

/** The official `replicate` client's `run` (blocks with `Prefer: wait`, then polls). */
export const replicateRun: Contender = {
  id: 'replicate-run',
  label: 'replicate.run',
  connect(server) {
    const client = officialClient(server);
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
  connect(server) {
    const client = officialClient(server);
    return {
      async generate(prompt) {
        const created = await client.predictions.create({ model: REPLICATE_VIDEO_MODEL, input: { prompt } });
        const done = await client.wait(created, {});
        if (done.status !== 'succeeded') throw new Error(`prediction ${done.id} ended ${done.status}`);
      },
    };
  },
};
