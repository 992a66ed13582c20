import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { falHeaders, parseEvents, submit } from '../test-support/fal-http';
import { startFalServer, type FalFakeServer } from './fal-server';

const JOBS = 2_000;

let fal: FalFakeServer;

beforeAll(async () => {
  fal = await startFalServer({ recording: { maxRequests: 1_000 } });
});

afterAll(async () => {
  await fal.close();
});

async function pollUntilDone(statusUrl: string): Promise<void> {
  for (;;) {
    const response = await fetch(statusUrl, { headers: falHeaders });
    const body = (await response.json()) as { status: string };
    if (body.status === 'COMPLETED') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('fal server under load', () => {
  it(`runs ${JOBS} concurrent jobs (half streamed, half polled) to their results without errors`, async () => {
    fal.scripts.setDefault({ queueMs: 200, runMs: 300, logs: ['step'] });
    const started = performance.now();
    const outcomes = await Promise.all(
      Array.from({ length: JOBS }, async (_, index) => {
        const { response, body } = await submit(fal, 'fal-ai/veo3.1', { prompt: `job ${index}` });
        expect(response.status).toBe(200);
        if (index % 2 === 0) {
          const events = parseEvents(await (await fetch(`${body.status_url}/stream`, { headers: falHeaders })).text());
          expect(events.at(-1)?.status).toBe('COMPLETED');
        } else {
          await pollUntilDone(body.status_url);
        }
        const result = await fetch(body.response_url, { headers: falHeaders });
        const output = (await result.json()) as { video?: { url: string } };
        return result.status === 200 && output.video?.url.includes(body.request_id) === true;
      }),
    );
    const elapsedMs = performance.now() - started;
    expect(outcomes.filter(Boolean)).toHaveLength(JOBS);
    expect(fal.jobs().every((job) => job.state.phase === 'completed' && job.state.result?.kind === 'success')).toBe(true);
    // The recording stayed within its bound while thousands of requests went through.
    expect(fal.countRequests()).toBeLessThanOrEqual(1_000);
    expect(fal.droppedRequests).toBeGreaterThan(0);
    console.info(`[fal load] ${JOBS} jobs in ${Math.round(elapsedMs)} ms; heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB`);
    // About 7 s alone; the bound only guards against a hang, not against a busy CI machine.
  }, 240_000);
});
