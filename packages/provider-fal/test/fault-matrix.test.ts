import { createServer } from 'node:net';
import type { Fault } from '@tarash/testing';
import type { FalPhase } from '@tarash/testing/fal';
import { describe, expect, it } from 'vitest';
import { BACKUP_VIDEO, backupConfig, useFalHarness } from './support/fal-harness';

const request = { prompt: 'A calm lake at sunrise', durationSeconds: 4 };
const MODEL = 'fal-ai/veo3.1';

const h = useFalHarness({ runMs: 40, logs: ['Loading model', 'Sampling', 'Encoding'] });

/** A port nothing listens on: connections to it are refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('a submit fal may have accepted is never repeated: one submit, then the fallback', () => {
  const cases: [string, Fault][] = [
    ['HTTP 500', { kind: 'respond', status: 500, body: { detail: 'Internal error' } }],
    ['HTTP 502 from behind the ingress (x-fal-request-id set)', { kind: 'respond', status: 502, headers: { 'x-fal-request-id': 'req-1' }, body: { detail: 'runner failed' } }],
    ['a connection reset', { kind: 'reset' }],
    ['a submit that never answers', { kind: 'hang' }],
    ['malformed JSON', { kind: 'malformed-json' }],
  ];
  it.each(cases)('%s', async (_name, fault) => {
    const injected = h.fal.injectFault({ phase: 'submit', fault });
    const response = await h.gateway.generateVideo(h.config(MODEL, { providerConfig: { requestTimeoutMs: 300 }, fallbackConfigs: [backupConfig] }), request);
    expect(injected.applied).toBe(1);
    expect(h.fal.countRequests({ phase: 'submit' })).toBe(1);
    expect(response.video).toBe(BACKUP_VIDEO);
    expect(response.executionMetadata.attempts[0]).toMatchObject({ provider: 'fal', status: 'failed', retries: 0, isRetryable: true });
  });
});

describe('a submit fal cannot have accepted is retried', () => {
  const cases: [string, Fault][] = [
    ['HTTP 429 with Retry-After', { kind: 'respond', status: 429, headers: { 'retry-after': '0.05' }, body: { detail: 'queue full', error_type: 'queue_full' } }],
    ['HTTP 503', { kind: 'respond', status: 503, body: { detail: 'runner_scheduling_failure' } }],
    ['HTTP 502 from fal ingress (no x-fal-request-id)', { kind: 'respond', status: 502, body: '<html><center>nginx</center></html>' }],
  ];
  it.each(cases)('%s: a second submit succeeds', async (_name, fault) => {
    h.fal.injectFault({ phase: 'submit', fault });
    const response = await h.gateway.generateVideo(h.config(MODEL, { fallbackConfigs: [backupConfig] }), request);
    expect(h.fal.countRequests({ phase: 'submit' })).toBe(2);
    expect(response.video.toString().startsWith(h.fal.url)).toBe(true);
    expect(response.executionMetadata.attempts[0]).toMatchObject({ status: 'success', retries: 1 });
  });

  it('a refused connection, maxRetries times, then the fallback', async () => {
    const config = { ...h.config(MODEL, { fallbackConfigs: [backupConfig] }), baseUrl: `http://127.0.0.1:${await closedPort()}` };
    const response = await h.gateway.generateVideo(config, request);
    expect(response.video).toBe(BACKUP_VIDEO);
    expect(response.executionMetadata.attempts[0]).toMatchObject({ status: 'failed', errorType: 'HTTPConnectionError', retries: 2 });
  });
});

describe('after the submit, failures are retried against the same job: one submit, and success', () => {
  type Case = [name: string, rule: { phase: FalPhase; fault: Fault; times?: number }, providerConfig: Record<string, unknown>, counts: Partial<Record<FalPhase, number>>];
  // `counts`: the requests about the job per phase (faulted ones included), where they do not depend on timing.
  const cases: Case[] = [
    ['status polls answering 5xx', { phase: 'status', fault: { kind: 'respond', status: 502, body: { detail: 'bad gateway' } }, times: 3 }, { statusUpdates: 'poll' }, { stream: 0, result: 1 }],
    ['malformed status JSON', { phase: 'status', fault: { kind: 'malformed-json', status: 202 }, times: 2 }, { statusUpdates: 'poll' }, { stream: 0, result: 1 }],
    ['a status poll that never answers', { phase: 'status', fault: { kind: 'hang' } }, { statusUpdates: 'poll', requestTimeoutMs: 100 }, { stream: 0, result: 1 }],
    ['a status stream dropped after one event', { phase: 'stream', fault: { kind: 'drop-stream', afterEvents: 1 } }, {}, { stream: 2, status: 0, result: 1 }],
    ['a status stream that never opens (HTTP 503)', { phase: 'stream', fault: { kind: 'respond', status: 503 }, times: Infinity }, {}, { stream: 3, result: 1 }],
    ['a status stream answering malformed JSON', { phase: 'stream', fault: { kind: 'malformed-json' } }, {}, { stream: 2, status: 0, result: 1 }],
    ['a silent status stream', { phase: 'stream', fault: { kind: 'hang' } }, { streamIdleTimeoutMs: 100 }, { stream: 2, status: 0, result: 1 }],
    ['a slow result', { phase: 'result', fault: { kind: 'delay', ms: 150 } }, {}, { stream: 1, status: 0, result: 1 }],
    ['a result answering 503 once', { phase: 'result', fault: { kind: 'respond', status: 503, body: { detail: 'busy' } } }, {}, { stream: 1, status: 0, result: 2 }],
    ['a result connection reset', { phase: 'result', fault: { kind: 'reset' } }, {}, { stream: 1, status: 0, result: 2 }],
  ];
  it.each(cases)('%s', async (_name, rule, providerConfig, counts) => {
    const fault = h.fal.injectFault(rule);
    const response = await h.gateway.generateVideo(h.config(MODEL, { providerConfig, fallbackConfigs: [backupConfig] }), request);
    expect(fault.applied).toBeGreaterThan(0);
    expect(h.fal.countRequests({ phase: 'submit' })).toBe(1);
    expect(response.video.toString().startsWith(`${h.fal.url}/media/${response.requestId}/`)).toBe(true);
    expect(response.executionMetadata.attempts).toHaveLength(1);
    const perPhase = Object.fromEntries(Object.keys(counts).map((phase) => [phase, h.fal.countRequests({ jobId: response.requestId, phase: phase as FalPhase })]));
    expect(perPhase).toEqual(counts);
    expect(h.fal.countRequests({ phase: 'cancel' })).toBe(0);
  });
});
