import { inspect } from 'node:util';
import { rejectionOf } from '@tarash/testing/helpers';
import { describe, expect, it } from 'vitest';
import { GenerationFailedError, HTTPError, TarashError, ValidationError } from '../errors/index';
import { createGateway } from '../orchestrator/gateway';
import type { ProviderPlugin } from '../provider/provider-plugin';
import { inMemoryProvider } from '../test-support/in-memory-provider';
import type { LogEvent } from '../runtime/logger';
import { Redactor } from './redactor';

const KEY = 'fal_key_id_1234:sk_live_SECRETSECRET9876';
const [KEY_ID, KEY_SECRET] = KEY.split(':') as [string, string];
const OTHER_KEY = 'r8_ReplicateTokenValue_5555';

/** An error a careless provider might produce: the key in the message, the raw body and the cause. */
function leakyError(phase: 'submit' | 'status', retryable: boolean, key: string): TarashError {
  return new HTTPError({
    provider: 'leaky',
    model: 'm',
    statusCode: retryable ? 503 : 401,
    phase,
    message: `request with Authorization: Key ${key} failed (x-goog-api-key=${key})`,
    rawResponse: { echo: { headers: { authorization: `Key ${key}` } }, detail: `bad key ${key}`, list: [key, { deep: key }] },
    cause: new Error(`upstream said ${key}`),
  });
}

function leakyPlugin(key: string, mode: 'submit-retryable' | 'submit-fatal' | 'job-failed' | 'log-lines'): ProviderPlugin {
  const base = inMemoryProvider({ name: 'leaky' }).plugin;
  return {
    name: 'leaky',
    video: {
      prepare: base.video!.prepare,
      jobs: {
        async start(_p, context) {
          if (mode === 'submit-retryable') throw leakyError('submit', true, key);
          if (mode === 'submit-fatal') throw leakyError('submit', false, key);
          return { handle: { version: 1, provider: 'leaky', model: context.model, modality: 'video', requestId: 'job', createdAt: new Date().toISOString(), data: {}, warnings: [] } };
        },
        async getStatus() {
          if (mode === 'log-lines') return { status: 'processing', logs: [`using token=${key}`] };
          return { status: 'failed', error: new GenerationFailedError({ provider: 'leaky', model: 'm', message: `worker crashed holding ${key}`, rawResponse: { key } }) };
        },
        async getResult() {
          throw new Error('unreachable');
        },
      },
    },
  };
}

function everyOutput(value: unknown): string[] {
  const out = [String(value), JSON.stringify(value), inspect(value, { depth: 10, showHidden: true })];
  if (value instanceof Error) out.push(value.stack ?? '', value.message);
  if (value instanceof TarashError) out.push(JSON.stringify(value.executionMetadata), JSON.stringify(value.rawResponse));
  return out;
}

describe('secrets never leave the SDK', () => {
  it.each(['submit-retryable', 'submit-fatal', 'job-failed', 'log-lines'] as const)('%s: errors, metadata, logs and progress are clean', async (mode) => {
    const gateway = createGateway({ providers: [leakyPlugin(KEY, mode)] });
    const logs: LogEvent[] = [];
    const progress: unknown[] = [];
    const controller = new AbortController();
    const thrown = await rejectionOf(
      gateway.generateVideo(
        {
          provider: 'leaky',
          model: 'm',
          apiKey: KEY,
          maxRetries: 1,
          pollIntervalMs: 1,
          backoff: { initialDelayMs: 1 },
          timeoutMs: 500,
          providerConfig: { accessToken: OTHER_KEY },
          fallbackConfigs: [{ provider: 'leaky', model: 'm2', apiKey: OTHER_KEY, maxRetries: 0, timeoutMs: 200, pollIntervalMs: 1 }],
        },
        { prompt: 'p', durationSeconds: 4 },
        {
          logger: (e) => logs.push(e),
          signal: controller.signal,
          onProgress: (u) => {
            progress.push(u);
            if (mode === 'log-lines' && progress.length > 3) controller.abort();
          },
        },
      ),
    );
    expect(thrown).toBeInstanceOf(TarashError);
    const haystack = [...everyOutput(thrown), ...logs.map((l) => JSON.stringify(l)), ...progress.map((p) => inspect(p, { depth: 10 }))].join('\n');
    for (const secret of [KEY, KEY_ID, KEY_SECRET, OTHER_KEY]) expect(haystack).not.toContain(secret);
    expect(haystack).toContain('[REDACTED]');
  });

  it('redacts keys in validation errors raised before anything is sent', async () => {
    const gateway = createGateway({ providers: [leakyPlugin(KEY, 'submit-fatal')] });
    const thrown = await gateway.generateVideo({ provider: 'leaky', model: 'm', apiKey: KEY }, { prompt: 'p', aspectRatio: KEY }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(ValidationError);
    expect((thrown as ValidationError).field).toBe('aspectRatio');
    const json = everyOutput(thrown).join('\n');
    expect(json).not.toContain(KEY_SECRET);
  });
});

describe('secrets registered during a call', () => {
  it('are redacted like API keys', async () => {
    const token = 'ya29.rotating-access-token-0001';
    const base = inMemoryProvider({ name: 'vertexish' }).plugin;
    const plugin: ProviderPlugin = {
      name: 'vertexish',
      video: {
        prepare: base.video!.prepare,
        async generate(_prepared, context) {
          context.registerSecret(token);
          context.logger({ level: 'info', message: `using ${token}` });
          throw new HTTPError({ provider: 'vertexish', model: 'm', statusCode: 401, message: `token ${token} rejected` });
        },
      },
    };
    const logs: LogEvent[] = [];
    const thrown = await createGateway({ providers: [plugin] })
      .generateVideo({ provider: 'vertexish', model: 'm' }, { prompt: 'p' }, { logger: (e) => logs.push(e) })
      .catch((e: unknown) => e);
    const haystack = [...everyOutput(thrown), ...logs.map((l) => JSON.stringify(l))].join('\n');
    expect(haystack).not.toContain(token);
    expect(haystack).toContain('[REDACTED]');
  });
});

describe('Redactor', () => {
  const redactor = new Redactor([KEY, undefined, 'abc']);

  it('removes known secrets and both halves of id:secret keys', () => {
    expect(redactor.redactString(`a ${KEY} b ${KEY_ID} c ${KEY_SECRET}`)).toBe('a [REDACTED] b [REDACTED] c [REDACTED]');
  });

  it('blanks any credential header value, known or not', () => {
    expect(redactor.redactString('Authorization: Bearer sk-unknown-123 and api-key=zzz')).toBe('Authorization: [REDACTED] and api-key=[REDACTED]');
  });

  it('copies plain data and keeps errors their class', () => {
    const data = { a: [KEY], b: { c: KEY }, bytes: new Uint8Array([1]) };
    const copy = redactor.redact(data);
    expect(copy).toEqual({ a: ['[REDACTED]'], b: { c: '[REDACTED]' }, bytes: new Uint8Array([1]) });
    expect(data.a[0]).toBe(KEY);
    const error = redactor.redact(new HTTPError({ provider: 'p', model: 'm', statusCode: 500, message: KEY }));
    expect(error).toBeInstanceOf(HTTPError);
    expect(error.message).toBe('[REDACTED]');
  });

  it('handles cycles', () => {
    const a: Record<string, unknown> = { k: KEY };
    a.self = a;
    const copy = redactor.redact(a);
    expect(copy.k).toBe('[REDACTED]');
    expect(copy.self).toBe(copy);
  });
});
