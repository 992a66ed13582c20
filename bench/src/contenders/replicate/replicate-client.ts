import Replicate from 'replicate';
import type { Contender } from '../video-client';
import { REPLICATE_VIDEO_MODEL, replicateApiBase } from './replicate-fake-model';

/** A contender that drives the official `replicate` client in one of its idioms. */
function officialClientContender(id: string, label: string, generate: (client: Replicate, prompt: string) => Promise<void>): Contender {
  return {
    id,
    label,
    connect(server) {
      const client = new Replicate({ auth: server.apiKey, baseUrl: replicateApiBase(server.url) });
      return { generate: (prompt) => generate(client, prompt) };
    },
  };
}

/** `run`: blocks with `Prefer: wait`, then polls. */
export const replicateRun = officialClientContender('replicate-run', 'replicate.run', async (client, prompt) => {
  await client.run(REPLICATE_VIDEO_MODEL, { input: { prompt } });
});

/** The other idiom: `predictions.create`, then `wait` (polls every 500 ms). */
export const replicateCreateWait = officialClientContender('replicate-create-wait', 'replicate predictions.create + wait', async (client, prompt) => {
  const created = await client.predictions.create({ model: REPLICATE_VIDEO_MODEL, input: { prompt } });
  const done = await client.wait(created, {});
  if (done.status !== 'succeeded') throw new Error(`prediction ${done.id} ended ${done.status}`);
});
