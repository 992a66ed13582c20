import { createFalClient, type FalClient, type QueueStatus, type RequestMiddleware } from '@fal-ai/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_FAL_KEY, startFalServer, type FalFakeServer } from './fal-server';

/** The hosts fal-js hard-codes: queue, sync and REST (storage). */
const FAL_HOSTS = new Set(['queue.fal.run', 'fal.run', 'rest.fal.ai']);

let fal: FalFakeServer;
let client: FalClient;

/** Rewrites fal-js's fixed hosts to the fake server; the path and query stay as fal-js built them. */
const toFakeServer: RequestMiddleware = async (request) => {
  const url = new URL(request.url);
  return FAL_HOSTS.has(url.host) ? { ...request, url: `${fal.url}${url.pathname}${url.search}` } : request;
};

beforeAll(async () => {
  fal = await startFalServer();
  client = createFalClient({ credentials: FAKE_FAL_KEY, requestMiddleware: toFakeServer, suppressLocalCredentialsWarning: true });
});

afterAll(async () => {
  await fal.close();
});

interface VideoOutput {
  readonly video: { readonly url: string; readonly content_type: string };
}

describe('official @fal-ai/client against the fake server', () => {
  it('completes fal.subscribe in polling mode, with queue updates and logs', async () => {
    // A run much longer than the poll interval, so a poll lands in it even on a busy machine.
    fal.scriptNext({ queueMs: 40, runMs: 400, logs: ['Loading model'] });
    const updates: QueueStatus[] = [];
    const result = await client.subscribe('fal-ai/veo3.1/fast', {
      input: { prompt: 'a calm lake' },
      logs: true,
      pollInterval: 20,
      onQueueUpdate: (update) => updates.push(update),
    });
    const data = result.data as VideoOutput;
    expect(data.video.content_type).toBe('video/mp4');
    expect(data.video.url.startsWith(fal.url)).toBe(true);
    expect(result.requestId).toBe(fal.jobs().at(-1)?.requestId);
    expect(updates.at(-1)?.status).toBe('COMPLETED');
    expect(updates.some((update) => update.status === 'IN_PROGRESS' && update.logs?.[0]?.message === 'Loading model')).toBe(true);
    expect(fal.countRequests({ phase: 'submit', path: '/fal-ai/veo3.1/fast' })).toBe(1);
    expect(fal.countRequests({ phase: 'status', jobId: result.requestId })).toBeGreaterThanOrEqual(1);
  });

  it('completes fal.subscribe in streaming mode over the status stream', async () => {
    fal.scriptNext({ queueMs: 30, runMs: 30, logs: ['a', 'b'] });
    const updates: QueueStatus[] = [];
    const result = await client.subscribe('fal-ai/some-video', {
      input: { prompt: 'x' },
      mode: 'streaming',
      logs: true,
      onQueueUpdate: (update) => updates.push(update),
    });
    expect((result.data as VideoOutput).video.content_type).toBe('video/mp4');
    expect(fal.countRequests({ phase: 'stream', jobId: result.requestId })).toBe(1);
    expect(fal.countRequests({ phase: 'status', jobId: result.requestId })).toBe(0);
    expect(updates.at(-1)?.status).toBe('COMPLETED');
  });

  it('runs queue.submit, queue.status and queue.result step by step, and cancels', async () => {
    const submitted = await client.queue.submit('fal-ai/veo3.1', { input: { prompt: 'x' } });
    expect(submitted.status_url).toBe(`${fal.url}/fal-ai/veo3.1/requests/${submitted.request_id}/status`);
    const status = await client.queue.status('fal-ai/veo3.1', { requestId: submitted.request_id, logs: true });
    expect(status.status).toBe('COMPLETED');
    const result = await client.queue.result('fal-ai/veo3.1', { requestId: submitted.request_id });
    expect((result.data as VideoOutput).video.url).toContain(submitted.request_id);
    fal.scriptNext({ queueMs: 60_000 });
    const queued = await client.queue.submit('fal-ai/veo3.1', { input: { prompt: 'y' } });
    await client.queue.cancel('fal-ai/veo3.1', { requestId: queued.request_id });
    expect(fal.job(queued.request_id)?.state.result).toEqual({ kind: 'cancelled', while: 'queued' });
  });

  it('uploads a file through fal.storage.upload and passes a webhook URL through', async () => {
    const fileUrl = await client.storage.upload(new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }));
    expect(fileUrl.startsWith(`${fal.url}/files/`)).toBe(true);
    expect(new Uint8Array(await (await fetch(fileUrl)).arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    const submitted = await client.queue.submit('fal-ai/veo3.1', { input: { prompt: 'x' }, webhookUrl: 'http://127.0.0.1:9/hook' });
    expect(fal.job(submitted.request_id)?.webhookUrl).toBe('http://127.0.0.1:9/hook');
  });

  it('surfaces a scripted failure as the client would see a real one', async () => {
    fal.scriptNext({ outcome: { error: 'boom', errorType: 'runner_server_error', httpStatus: 500 } });
    await expect(client.subscribe('fal-ai/veo3.1', { input: { prompt: 'x' }, pollInterval: 10 })).rejects.toMatchObject({ status: 500 });
  });
});
