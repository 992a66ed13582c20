import { rejectionOf } from '@tarash/testing/helpers';
import { describe, expect, it } from 'vitest';
import {
  AllProvidersFailedError,
  CancelledError,
  ContentModerationError,
  GenerationFailedError,
  HTTPConnectionError,
  HTTPError,
  TimeoutError,
  ValidationError,
} from '../errors/index';
import { inMemoryProvider, type InMemoryProviderOptions } from '../test-support/in-memory-provider';
import { videoGenerationResponseSchema } from '../types/generation-response';
import type { GenerationConfig } from '../types/generation-config';
import type { VideoGenerationResponse } from '../types/generation-response';
import type { ProgressUpdate } from '../types/progress-update';
import { passthrough } from '../mapping/basic-mappers';
import { createGateway } from './gateway';

const fast = { pollIntervalMs: 2, backoff: { initialDelayMs: 1, maxDelayMs: 5 } } as const;
const request = { prompt: 'A calm lake at sunrise', durationSeconds: 4 };

function setup(...providers: InMemoryProviderOptions[]) {
  const fakes = providers.map(inMemoryProvider);
  const gateway = createGateway({ providers: fakes.map((f) => f.plugin) });
  return { gateway, fakes };
}

const http = (provider: string, statusCode: number, extra: Partial<ConstructorParameters<typeof HTTPError>[0]> = {}) =>
  new HTTPError({ provider, model: 'm', statusCode, message: `HTTP ${statusCode}`, phase: 'submit', ...extra });

describe('generateVideo', () => {
  it('submits once, reports progress and returns the result with metadata', async () => {
    const { gateway, fakes } = setup({ name: 'a', jobs: [{ pollsUntilDone: 2 }] });
    const updates: ProgressUpdate[] = [];
    const response = await gateway.generateVideo({ provider: 'a', model: 'm', apiKey: 'k', ...fast }, request, {
      onProgress: (u) => {
        updates.push(u);
      },
    });
    expect(videoGenerationResponseSchema.parse(response)).toBeTruthy();
    expect(response.video).toBe('https://media.example/a-job-1.mp4');
    expect(response.isMock).toBe(false);
    expect(fakes[0]?.count('submit')).toBe(1);
    expect(updates.map((u) => u.status)).toEqual(['queued', 'processing', 'processing', 'completed']);
    expect(updates.at(-1)?.result).toBe(response);
    expect(updates.every((u) => u.attempt === 1 && u.provider === 'a' && u.model === 'm')).toBe(true);
    expect(response.executionMetadata).toMatchObject({ totalAttempts: 1, successfulAttempt: 1, fallbackTriggered: false, configsInChain: 1 });
    expect(response.executionMetadata.attempts[0]).toMatchObject({ status: 'success', requestId: 'a-job-1', retries: 0 });
    expect(fakes[0]?.calls.find((c) => c.kind === 'result')?.completedStatus).toBe('completed');
  });

  it('awaits an async progress callback before going on', async () => {
    const { gateway } = setup({ name: 'a', jobs: [{ pollsUntilDone: 3 }] });
    const log: string[] = [];
    await gateway.generateVideo({ provider: 'a', model: 'm', apiKey: 'k', ...fast }, request, {
      onProgress: async (u) => {
        log.push(`start ${u.status}`);
        await new Promise((r) => setTimeout(r, 5));
        log.push(`end ${u.status}`);
      },
    });
    for (let i = 0; i < log.length; i += 2) expect(log[i + 1]?.replace('end', 'start')).toBe(log[i]);
  });

  it('retries a 503 submit, then falls back to the next config', async () => {
    const { gateway, fakes } = setup({ name: 'a', submitErrors: [http('a', 503), http('a', 503), http('a', 503)] }, { name: 'b' });
    const response = await gateway.generateVideo(
      { provider: 'a', model: 'm', apiKey: 'ka', ...fast, fallbackConfigs: [{ provider: 'b', model: 'm2', apiKey: 'kb', ...fast }] },
      request,
    );
    expect(fakes[0]?.count('submit')).toBe(3);
    expect(fakes[1]?.count('submit')).toBe(1);
    expect(response.executionMetadata).toMatchObject({ totalAttempts: 2, successfulAttempt: 2, fallbackTriggered: true, configsInChain: 2 });
    expect(response.executionMetadata.attempts[0]).toMatchObject({ provider: 'a', status: 'failed', errorType: 'HTTPError', isRetryable: true, retries: 2 });
    expect(response.executionMetadata.attempts[1]).toMatchObject({ provider: 'b', model: 'm2', status: 'success' });
  });

  it('flattens nested fallbacks depth-first', async () => {
    const fail = [http('x', 503)];
    const { gateway } = setup({ name: 'a', submitErrors: fail }, { name: 'b', submitErrors: [http('b', 503)] }, { name: 'c', submitErrors: [http('c', 503)] }, { name: 'd' });
    const config: GenerationConfig = {
      provider: 'a',
      model: 'm',
      apiKey: 'k',
      maxRetries: 0,
      fallbackConfigs: [
        { provider: 'b', model: 'm', apiKey: 'k', maxRetries: 0, fallbackConfigs: [{ provider: 'c', model: 'm', apiKey: 'k', maxRetries: 0 }] },
        { provider: 'd', model: 'm', apiKey: 'k', ...fast },
      ],
    };
    const response = await gateway.generateVideo(config, request);
    expect(response.executionMetadata.attempts.map((a) => a.provider)).toEqual(['a', 'b', 'c', 'd']);
  });

  it.each([
    ['HTTP 400', new HTTPError({ provider: 'a', model: 'm', statusCode: 400, message: 'bad', phase: 'submit' }), HTTPError],
    ['HTTP 401', new HTTPError({ provider: 'a', model: 'm', statusCode: 401, message: 'auth', phase: 'submit' }), HTTPError],
    ['a provider validation error', new ValidationError({ provider: 'a', model: 'm', issues: [{ field: 'prompt', message: 'bad' }] }), ValidationError],
  ])('stops the chain without fallback on %s', async (_label, error, type) => {
    const { gateway, fakes } = setup({ name: 'a', submitErrors: [error] }, { name: 'b' });
    const thrown = await rejectionOf(gateway.generateVideo({ provider: 'a', model: 'm', apiKey: 'k', ...fast, fallbackConfigs: [{ provider: 'b', model: 'm', apiKey: 'k' }] }, request));
    expect(thrown).toBeInstanceOf(type);
    expect(fakes[0]?.count('submit')).toBe(1);
    expect(fakes[1]?.calls).toHaveLength(0);
    expect((thrown as HTTPError).executionMetadata?.attempts.map((a) => a.status)).toEqual(['failed', 'skipped']);
  });

  it('does not fall back after content moderation of the job', async () => {
    const moderation = new ContentModerationError({ provider: 'a', model: 'm', message: 'blocked' });
    const { gateway, fakes } = setup({ name: 'a', jobs: [{ outcome: moderation }] }, { name: 'b' });
    const thrown = await rejectionOf(gateway.generateVideo({ provider: 'a', model: 'm', apiKey: 'k', ...fast, fallbackConfigs: [{ provider: 'b', model: 'm', apiKey: 'k' }] }, request));
    expect(thrown).toBeInstanceOf(ContentModerationError);
    expect(fakes[0]?.count('submit')).toBe(1);
    expect(fakes[1]?.calls).toHaveLength(0);
  });

  it('validates the request for every config before sending anything', async () => {
    const { gateway, fakes } = setup({ name: 'a' }, { name: 'b' });
    const thrown = await rejectionOf(
      gateway.generateVideo({ provider: 'a', model: 'm', apiKey: 'k', fallbackConfigs: [{ provider: 'b', model: 'm', apiKey: 'k' }] }, { prompt: 'x', durationSeconds: 5 }),
    );
    expect(thrown).toBeInstanceOf(ValidationError);
    expect((thrown as ValidationError).message).toMatch(/durationSeconds = 5/);
    expect((thrown as ValidationError).allowed).toEqual([4, 8]);
    expect(fakes.flatMap((f) => f.calls)).toHaveLength(0);
    expect((thrown as ValidationError).executionMetadata).toMatchObject({ totalAttempts: 0, configsInChain: 2 });
  });

  it('waits for Retry-After before retrying a 429 submit', async () => {
    const { gateway, fakes } = setup({ name: 'a', submitErrors: [http('a', 429, { retryAfterMs: 150 })] });
    await gateway.generateVideo({ provider: 'a', model: 'm', apiKey: 'k', ...fast }, request);
    const submits = fakes[0]?.calls.filter((c) => c.kind === 'submit') ?? [];
    expect(submits).toHaveLength(2);
    expect((submits[1]?.at ?? 0) - (submits[0]?.at ?? 0)).toBeGreaterThanOrEqual(145);
  });

  it('moves on at once when Retry-After exceeds the deadline', async () => {
    const { gateway, fakes } = setup({ name: 'a', submitErrors: [http('a', 429, { retryAfterMs: 60_000 })] }, { name: 'b' });
    const response = await gateway.generateVideo(
      { provider: 'a', model: 'm', apiKey: 'k', ...fast, timeoutMs: 5_000, fallbackConfigs: [{ provider: 'b', model: 'm', apiKey: 'k', ...fast }] },
      request,
    );
    expect(fakes[0]?.count('submit')).toBe(1);
    expect(response.executionMetadata.successfulAttempt).toBe(2);
  });

  it.each([
    ['a 500 at submit', http('a', 500, { jobMayExist: true })],
    ['a connection reset after sending', new HTTPConnectionError({ provider: 'a', model: 'm', message: 'reset', phase: 'submit', code: 'ECONNRESET', jobMayExist: true })],
    ['malformed JSON from submit', new HTTPError({ provider: 'a', model: 'm', statusCode: 200, message: 'malformed', phase: 'submit', isRetryable: true, jobMayExist: true })],
  ])('never resubmits after %s (a job may exist), but falls back', async (_label, error) => {
    const { gateway, fakes } = setup({ name: 'a', submitErrors: [error] }, { name: 'b' });
    const response = await gateway.generateVideo({ provider: 'a', model: 'm', apiKey: 'k', ...fast, fallbackConfigs: [{ provider: 'b', model: 'm', apiKey: 'k', ...fast }] }, request);
    expect(fakes[0]?.count('submit')).toBe(1);
    expect(response.executionMetadata.successfulAttempt).toBe(2);
  });

  it('falls back without retrying when the provider says retrying it cannot help', async () => {
    const quota = http('a', 429, { retrySameProvider: false, message: 'insufficient_quota' });
    const { gateway, fakes } = setup({ name: 'a', submitErrors: [quota] }, { name: 'b' });
    const response = await gateway.generateVideo({ provider: 'a', model: 'm', apiKey: 'k', ...fast, fallbackConfigs: [{ provider: 'b', model: 'm', apiKey: 'k', ...fast }] }, request);
    expect(fakes[0]?.count('submit')).toBe(1);
    expect(response.executionMetadata.successfulAttempt).toBe(2);
  });

  it('retries a refused connection at submit (the provider never saw it)', async () => {
    const refused = new HTTPConnectionError({ provider: 'a', model: 'm', message: 'refused', phase: 'submit', code: 'ECONNREFUSED' });
    const { gateway, fakes } = setup({ name: 'a', submitErrors: [refused] });
    await gateway.generateVideo({ provider: 'a', model: 'm', apiKey: 'k', ...fast }, request);
    expect(fakes[0]?.count('submit')).toBe(2);
  });

  it('retries transient status and result failures against the same job', async () => {
    const transient = (phase: 'status' | 'result') => new HTTPError({ provider: 'a', model: 'm', statusCode: 503, message: 'busy', phase });
    const { gateway, fakes } = setup({
      name: 'a',
      jobs: [{ statusErrors: [transient('status'), transient('status'), transient('status')], resultErrors: [transient('result')] }],
    });
    const response = await gateway.generateVideo({ provider: 'a', model: 'm', apiKey: 'k', ...fast }, request);
    expect(fakes[0]?.count('submit')).toBe(1);
    expect(fakes[0]?.count('result')).toBe(2);
    expect(response.requestId).toBe('a-job-1');
  });

  it('resubmits a job the provider reports as failed, within maxRetries', async () => {
    const failed = new GenerationFailedError({ provider: 'a', model: 'm', message: 'GPU fell over' });
    const { gateway, fakes } = setup({ name: 'a', jobs: [{ outcome: failed }, {}] });
    const response = await gateway.generateVideo({ provider: 'a', model: 'm', apiKey: 'k', ...fast }, request);
    expect(fakes[0]?.count('submit')).toBe(2);
    expect(response.executionMetadata.attempts[0]?.retries).toBe(1);
  });

  it('cancels a job that misses its deadline, then falls back', async () => {
    const { gateway, fakes } = setup({ name: 'a', jobs: [{ outcome: 'hang' }] }, { name: 'b' });
    const response = await gateway.generateVideo(
      { provider: 'a', model: 'm', apiKey: 'k', ...fast, timeoutMs: 80, fallbackConfigs: [{ provider: 'b', model: 'm', apiKey: 'k', ...fast }] },
      request,
    );
    expect(fakes[0]?.count('cancel')).toBe(1);
    expect(fakes[0]?.count('submit')).toBe(1);
    expect(response.executionMetadata.attempts[0]).toMatchObject({ status: 'failed', errorType: 'TimeoutError', cancelled: true, requestId: 'a-job-1' });
  });

  it('records a cancel that failed', async () => {
    const { gateway } = setup({ name: 'a', jobs: [{ outcome: 'hang' }], cancel: 'throw' });
    const thrown = await rejectionOf(gateway.generateVideo({ provider: 'a', model: 'm', apiKey: 'k', ...fast, timeoutMs: 50 }, request));
    expect(thrown).toBeInstanceOf(AllProvidersFailedError);
    const error = thrown as AllProvidersFailedError;
    expect(error.errors[0]).toBeInstanceOf(TimeoutError);
    expect(error.errors[0]?.message).toMatch(/could not be cancelled/);
    expect(error.executionMetadata.attempts[0]?.cancelled).toBe(false);
  });

  it('cancels the job when the caller aborts, and does not fall back', async () => {
    const { gateway, fakes } = setup({ name: 'a', jobs: [{ outcome: 'hang' }] }, { name: 'b' });
    const controller = new AbortController();
    const promise = gateway.generateVideo({ provider: 'a', model: 'm', apiKey: 'k', ...fast, fallbackConfigs: [{ provider: 'b', model: 'm', apiKey: 'k' }] }, request, {
      signal: controller.signal,
      onProgress: (u) => {
        if (u.status === 'processing') controller.abort();
      },
    });
    const thrown = await rejectionOf(promise);
    expect(thrown).toBeInstanceOf(CancelledError);
    expect(fakes[0]?.count('cancel')).toBe(1);
    expect(fakes[1]?.calls).toHaveLength(0);
    expect((thrown as CancelledError).executionMetadata?.attempts[0]).toMatchObject({ cancelled: true, errorType: 'CancelledError' });
  });

  it('sends nothing when the signal is already aborted', async () => {
    const { gateway, fakes } = setup({ name: 'a' });
    const thrown = await rejectionOf(gateway.generateVideo({ provider: 'a', model: 'm', apiKey: 'k' }, request, { signal: AbortSignal.abort() }));
    expect(thrown).toBeInstanceOf(CancelledError);
    expect(fakes[0]?.calls).toHaveLength(0);
  });

  it('cancels the job and rethrows when the progress callback throws', async () => {
    const { gateway, fakes } = setup({ name: 'a', jobs: [{ outcome: 'hang' }] });
    const mine = new Error('my UI broke');
    const thrown = await rejectionOf(
      gateway.generateVideo({ provider: 'a', model: 'm', apiKey: 'k', ...fast }, request, {
        onProgress: (u) => {
          if (u.status === 'processing') throw mine;
        },
      }),
    );
    expect(thrown).toBe(mine);
    expect(fakes[0]?.count('cancel')).toBe(1);
  });

  it('reports every error and the metadata when all providers fail', async () => {
    const { gateway } = setup({ name: 'a', submitErrors: [http('a', 503)] }, { name: 'b', submitErrors: [http('b', 502)] });
    const thrown = await rejectionOf(
      gateway.generateVideo({ provider: 'a', model: 'm', apiKey: 'k', maxRetries: 0, fallbackConfigs: [{ provider: 'b', model: 'm', apiKey: 'k', maxRetries: 0 }] }, request),
    );
    expect(thrown).toBeInstanceOf(AllProvidersFailedError);
    const error = thrown as AllProvidersFailedError;
    expect(error.errors.map((e) => (e as HTTPError).statusCode)).toEqual([503, 502]);
    expect(error.isRetryable).toBe(true);
    expect(error.executionMetadata).toMatchObject({ totalAttempts: 2, fallbackTriggered: true, configsInChain: 2 });
    expect(error.executionMetadata.successfulAttempt).toBeUndefined();
    expect(error.executionMetadata.attempts.map((a) => a.status)).toEqual(['failed', 'failed']);
    expect(error.message).toMatch(/a m: HTTPError.*\| b m: HTTPError/);
  });

  it('says which package to install for an unregistered provider', async () => {
    const { gateway } = setup({ name: 'a' });
    const thrown = await rejectionOf(gateway.generateVideo({ provider: 'fal', model: 'fal-ai/veo3.1' }, request));
    expect(thrown).toBeInstanceOf(ValidationError);
    expect((thrown as Error).message).toMatch(/@tarash\/provider-fal/);
    expect((thrown as Error).message).toMatch(/registerProvider\(falProvider\(\)\)/);
  });

  it('requires an API key before sending anything, naming the variable', async () => {
    const { gateway, fakes } = setup({ name: 'a', apiKeyEnvVars: ['TARASH_TEST_NO_SUCH_KEY'] });
    const thrown = await rejectionOf(gateway.generateVideo({ provider: 'a', model: 'm' }, request));
    expect(thrown).toBeInstanceOf(ValidationError);
    expect((thrown as Error).message).toMatch(/TARASH_TEST_NO_SUCH_KEY/);
    expect(fakes[0]?.calls).toHaveLength(0);
  });

  it('reads the API key from the provider environment variable', async () => {
    process.env.TARASH_TEST_KEY = 'from-env';
    const { gateway, fakes } = setup({ name: 'a', apiKeyEnvVars: ['TARASH_TEST_KEY'] });
    await gateway.generateVideo({ provider: 'a', model: 'm', ...fast }, request);
    expect(fakes[0]?.calls[0]?.apiKey).toBe('from-env');
    delete process.env.TARASH_TEST_KEY;
  });

  it('warns about standard parameters the model cannot use', async () => {
    const { gateway } = setup({ name: 'a' });
    const response = await gateway.generateVideo({ provider: 'a', model: 'm', apiKey: 'k', ...fast }, { ...request, seed: 7 });
    expect(response.warnings).toEqual([expect.stringMatching(/^seed \(7\) was not sent/)]);
    await expect(gateway.generateVideo({ provider: 'a', model: 'm', apiKey: 'k', strict: true }, { ...request, seed: 7 })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('registerProviderFieldMapping', () => {
  it('hands the registered mappers to prepare for that provider and model only', async () => {
    const seen: Record<string, unknown> = {};
    const base = inMemoryProvider({ name: 'a' }).plugin;
    const gateway = createGateway({
      providers: [
        {
          ...base,
          video: {
            ...base.video!,
            prepare(req, context) {
              seen[context.model] = context.fieldMappers;
              return base.video!.prepare(req, context);
            },
          },
        },
      ],
    });
    const mappers = { text: passthrough('prompt') };
    gateway.registerProviderFieldMapping('a', 'm1', mappers);
    await gateway.generateVideo({ provider: 'a', model: 'm1', apiKey: 'k', ...fast, fallbackConfigs: [{ provider: 'a', model: 'm2', apiKey: 'k' }] }, request);
    expect(seen.m1).toBe(mappers);
    expect(seen.m2).toBeUndefined();
  });
});

describe('synchronous providers', () => {
  it('retries a 503 and refuses startVideo', async () => {
    const { gateway, fakes } = setup({ name: 'a', syncOnly: true, submitErrors: [new HTTPError({ provider: 'a', model: 'm', statusCode: 503, message: 'busy', phase: 'generate' })] });
    const response = await gateway.generateVideo({ provider: 'a', model: 'm', apiKey: 'k', ...fast }, request);
    expect(fakes[0]?.count('generate')).toBe(2);
    expect(response.requestId).toBe('sync-1');
    await expect(gateway.startVideo({ provider: 'a', model: 'm', apiKey: 'k' }, request)).rejects.toThrow(/no job API/);
  });
});

describe('custom handlers', () => {
  it('take part in fallback chains, progress and metadata', async () => {
    const gateway = createGateway();
    let called = 0;
    gateway.registerProvider('flaky', {
      async generateVideo() {
        called++;
        throw new Error('socket hang up');
      },
    });
    gateway.registerProvider('mine', {
      async generateVideo(config, req, onProgress) {
        await onProgress?.({ status: 'processing', progressPercent: 50 });
        return { requestId: `r-${req.prompt.length}`, video: `https://cdn.example/${config.model}.mp4`, rawResponse: null };
      },
    });
    const updates: ProgressUpdate[] = [];
    const response = await gateway.generateVideo({ provider: 'flaky', model: 'x', ...fast, fallbackConfigs: [{ provider: 'mine', model: 'v1' }] }, request, {
      onProgress: (u) => {
        updates.push(u);
      },
    });
    expect(called).toBe(1);
    expect(response.video).toBe('https://cdn.example/v1.mp4');
    expect(response.executionMetadata.attempts[0]).toMatchObject({ errorType: 'GenerationFailedError', retries: 0 });
    expect(updates.some((u) => u.provider === 'mine' && u.progressPercent === 50)).toBe(true);
  });
});

describe('jobs: start, resume, status, cancel', () => {
  it('resumes a job from a serialized handle without resubmitting', async () => {
    const fake = inMemoryProvider({ name: 'a', jobs: [{ pollsUntilDone: 2 }] });
    const first = createGateway({ providers: [fake.plugin] });
    const started = await first.startVideo({ provider: 'a', model: 'm', apiKey: 'k', ...fast }, { ...request, seed: 3 });
    expect(started.requestId).toBe('a-job-1');
    const wire = JSON.stringify(started.handle);
    expect(wire).not.toContain('"k"');

    const second = createGateway({ providers: [fake.plugin] });
    const handle = JSON.parse(wire);
    const status = await second.getJobStatus({ provider: 'a', model: 'm', apiKey: 'k' }, handle);
    expect(status).toMatchObject({ requestId: 'a-job-1', status: 'processing' });
    const response = await second.resumeVideo({ provider: 'a', model: 'm', apiKey: 'k', ...fast }, handle);
    expect(response.requestId).toBe('a-job-1');
    expect(response.warnings).toEqual([expect.stringMatching(/^seed/)]);
    expect(fake.count('submit')).toBe(1);
  });

  it('picks the fallback config matching the handle', async () => {
    const { gateway, fakes } = setup({ name: 'a', submitErrors: [http('a', 503)] }, { name: 'b' });
    const config: GenerationConfig = { provider: 'a', model: 'm', apiKey: 'ka', maxRetries: 0, fallbackConfigs: [{ provider: 'b', model: 'mb', apiKey: 'kb', ...fast }] };
    const started = await gateway.startVideo(config, request);
    expect(started.provider).toBe('b');
    await gateway.resumeVideo(config, started.handle);
    expect(fakes[1]?.calls.every((c) => c.apiKey === 'kb')).toBe(true);
  });

  it('cancels a job by handle', async () => {
    const { gateway, fakes } = setup({ name: 'a', jobs: [{ outcome: 'hang' }] });
    const started = await gateway.startVideo({ provider: 'a', model: 'm', apiKey: 'k' }, request);
    expect(await gateway.cancelJob({ provider: 'a', model: 'm', apiKey: 'k' }, started.handle)).toEqual({ cancelled: true });
    expect(fakes[0]?.count('cancel')).toBe(1);
  });

  it('rejects a malformed handle or one for another provider', async () => {
    const { gateway } = setup({ name: 'a' }, { name: 'b' });
    await expect(gateway.resumeVideo({ provider: 'a', model: 'm', apiKey: 'k' }, { provider: 'a' } as never)).rejects.toThrow(/handle\.version/);
    const started = await gateway.startVideo({ provider: 'b', model: 'm', apiKey: 'k' }, request);
    await expect(gateway.resumeVideo({ provider: 'a', model: 'm', apiKey: 'k' }, started.handle)).rejects.toThrow(/belongs to provider "b"/);
    await expect(gateway.resumeImage({ provider: 'b', model: 'm', apiKey: 'k' }, started.handle)).rejects.toThrow(/resumeVideo/);
  });

  it('a resumed job that fails is not resubmitted', async () => {
    const failed = new GenerationFailedError({ provider: 'a', model: 'm', message: 'failed' });
    const { gateway, fakes } = setup({ name: 'a', jobs: [{ outcome: failed }] });
    const started = await gateway.startVideo({ provider: 'a', model: 'm', apiKey: 'k' }, request);
    await expect(gateway.resumeVideo({ provider: 'a', model: 'm', apiKey: 'k', ...fast }, started.handle)).rejects.toBeInstanceOf(AllProvidersFailedError);
    expect(fakes[0]?.count('submit')).toBe(1);
  });
});

describe('streamVideo', () => {
  it('yields progress and ends with the result', async () => {
    const { gateway } = setup({ name: 'a', jobs: [{ pollsUntilDone: 2 }] });
    const seen: ProgressUpdate<VideoGenerationResponse>[] = [];
    for await (const update of gateway.streamVideo({ provider: 'a', model: 'm', apiKey: 'k', ...fast }, request)) seen.push(update);
    expect(seen.at(-1)?.status).toBe('completed');
    expect(seen.at(-1)?.result?.video).toBe('https://media.example/a-job-1.mp4');
  });

  it('cancels the job when the consumer stops early', async () => {
    const { gateway, fakes } = setup({ name: 'a', jobs: [{ outcome: 'hang' }] });
    for await (const update of gateway.streamVideo({ provider: 'a', model: 'm', apiKey: 'k', ...fast }, request)) {
      if (update.status === 'processing') break;
    }
    expect(fakes[0]?.count('cancel')).toBe(1);
  });

  it('throws the failure after the updates', async () => {
    const { gateway } = setup({ name: 'a', submitErrors: [http('a', 400)] });
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const update of gateway.streamVideo({ provider: 'a', model: 'm', apiKey: 'k' }, request)) seen.push(update.status);
      })(),
    ).rejects.toBeInstanceOf(HTTPError);
    expect(seen).toEqual(['failed']);
  });
});

describe('generateImage', () => {
  it('runs the image modality with its own defaults', async () => {
    const { gateway } = setup({ name: 'a' });
    const response = await gateway.generateImage({ provider: 'a', model: 'img', apiKey: 'k' }, { prompt: 'a cat', n: 1 });
    expect(response.images).toEqual(['https://media.example/a.png']);
    await expect(gateway.generateImage({ provider: 'a', model: 'img', apiKey: 'k' }, { prompt: 'a cat', size: '1024*1024' })).rejects.toThrow(/size = "1024\*1024"/);
  });
});
