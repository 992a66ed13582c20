import { GenerationFailedError } from '../errors/generation-failed-error';
import type { TarashError } from '../errors/tarash-error';
import { durationField, imageField } from '../mapping/index';
import { mapRequest } from '../mapping/map-request';
import { passthrough } from '../mapping/basic-mappers';
import type { JobStatusSnapshot } from '../provider/job-status-snapshot';
import type { ProviderPlugin } from '../provider/provider-plugin';
import type { ProviderImageResult, ProviderVideoResult } from '../provider/provider-result';
import { sleep } from '../runtime/sleep';
import type { JobHandle } from '../types/job-handle';

/** How one submitted job behaves. */
export interface InMemoryJobScript {
  /** Status checks answered `processing` before the job ends (default 1). */
  readonly pollsUntilDone?: number;
  /** End state: success, a provider-reported failure, or never finishing. */
  readonly outcome?: 'success' | 'hang' | TarashError;
  /** Errors thrown by the first status checks of this job (transient poll failures). */
  readonly statusErrors?: readonly TarashError[];
  /** Errors thrown by the first result fetches. */
  readonly resultErrors?: readonly TarashError[];
}

/** A call the provider received, for assertions. */
export interface InMemoryCall {
  readonly kind: 'submit' | 'status' | 'result' | 'cancel' | 'generate';
  readonly jobId?: string;
  /** For `result`: the status of the terminal snapshot the orchestrator passed along. */
  readonly completedStatus?: string;
  readonly at: number;
  readonly apiKey?: string;
}

/** Options of {@link inMemoryProvider}. */
export interface InMemoryProviderOptions {
  readonly name: string;
  /** Errors thrown by successive submits before one succeeds. */
  readonly submitErrors?: readonly TarashError[];
  /** Script of each accepted job, in submit order (the last one repeats). */
  readonly jobs?: readonly InMemoryJobScript[];
  /** Omit the job split: the provider has only a one-call `generate`. */
  readonly syncOnly?: boolean;
  /** Whether cancel is acknowledged (default true); `'throw'` makes cancel fail. */
  readonly cancel?: boolean | 'throw';
  readonly apiKeyEnvVars?: readonly string[];
}

/** An in-memory provider with scripted behaviour, recording every call. */
export interface InMemoryProvider {
  readonly plugin: ProviderPlugin;
  readonly calls: InMemoryCall[];
  count(kind: InMemoryCall['kind']): number;
}

const handleData = (index: number) => ({ index });

/**
 * A scripted provider for orchestrator tests: maps `prompt`, a 4/8 s duration and a first
 * frame like a real provider, then runs its jobs in memory.
 */
export function inMemoryProvider(options: InMemoryProviderOptions): InMemoryProvider {
  const calls: InMemoryCall[] = [];
  const submitErrors = [...(options.submitErrors ?? [])];
  const scripts = options.jobs ?? [{}];
  const state = new Map<string, { polls: number; statusErrors: TarashError[]; resultErrors: TarashError[]; script: InMemoryJobScript }>();
  let submitted = 0;
  const record = (kind: InMemoryCall['kind'], apiKey: string | undefined, jobId?: string, completedStatus?: string) =>
    calls.push({ kind, at: Date.now(), ...(jobId ? { jobId } : {}), ...(apiKey ? { apiKey } : {}), ...(completedStatus ? { completedStatus } : {}) });

  const jobOf = (handle: JobHandle) => {
    const job = state.get(handle.requestId);
    if (!job) throw new Error(`unknown job ${handle.requestId}`);
    return job;
  };

  const videoResult = (requestId: string): ProviderVideoResult => ({
    requestId,
    video: `https://media.example/${requestId}.mp4`,
    contentType: 'video/mp4',
    rawResponse: { id: requestId },
  });

  const plugin: ProviderPlugin = {
    name: options.name,
    ...(options.apiKeyEnvVars ? { apiKeyEnvVars: options.apiKeyEnvVars } : {}),
    video: {
      prepare(request, context) {
        const { body, warnings } = mapRequest(
          request,
          { prompt: passthrough('prompt'), duration: durationField({ allowed: [4, 8] }), image: imageField({ roles: ['first_frame'] }) },
          context,
        );
        return { provider: context.provider, model: context.model, body, warnings };
      },
      ...(options.syncOnly
        ? {
            async generate(_prepared, context) {
              record('generate', context.apiKey);
              const error = submitErrors.shift();
              if (error) throw error;
              return videoResult(`sync-${++submitted}`);
            },
          }
        : {
            jobs: {
              async start(_prepared, context) {
                record('submit', context.apiKey);
                const error = submitErrors.shift();
                if (error) throw error;
                const index = submitted++;
                const script = scripts[Math.min(index, scripts.length - 1)] ?? {};
                const requestId = `${options.name}-job-${index + 1}`;
                state.set(requestId, { polls: 0, statusErrors: [...(script.statusErrors ?? [])], resultErrors: [...(script.resultErrors ?? [])], script });
                return {
                  handle: {
                    version: 1 as const,
                    provider: context.provider,
                    model: context.model,
                    modality: context.modality,
                    requestId,
                    createdAt: new Date().toISOString(),
                    data: handleData(index),
                    warnings: [],
                  },
                };
              },
              async getStatus(handle, context): Promise<JobStatusSnapshot<ProviderVideoResult>> {
                record('status', context.apiKey, handle.requestId);
                const job = jobOf(handle);
                const error = job.statusErrors.shift();
                if (error) throw error;
                job.polls++;
                const outcome = job.script.outcome ?? 'success';
                if (outcome === 'hang' || job.polls <= (job.script.pollsUntilDone ?? 1)) {
                  return { status: 'processing', progressPercent: Math.min(99, job.polls * 10) };
                }
                if (outcome === 'success') return { status: 'completed' };
                return { status: 'failed', error: outcome };
              },
              async getResult(handle, context, completed) {
                record('result', context.apiKey, handle.requestId, completed?.status);
                const error = jobOf(handle).resultErrors.shift();
                if (error) throw error;
                return videoResult(handle.requestId);
              },
              async cancel(handle, context) {
                record('cancel', context.apiKey, handle.requestId);
                if (options.cancel === 'throw') {
                  throw new GenerationFailedError({ provider: options.name, model: handle.model, message: 'cancel endpoint broken' });
                }
                return { cancelled: options.cancel ?? true };
              },
            },
          }),
    },
    image: {
      prepare(request, context) {
        const { body, warnings } = mapRequest(request, { prompt: passthrough('prompt'), n: passthrough('n') }, context);
        return { provider: context.provider, model: context.model, body, warnings };
      },
      async generate(_prepared, context): Promise<ProviderImageResult> {
        record('generate', context.apiKey);
        await sleep(1, context.signal);
        const error = submitErrors.shift();
        if (error) throw error;
        return { requestId: `img-${++submitted}`, images: ['https://media.example/a.png'], contentType: 'image/png', rawResponse: {} };
      },
    },
  };
  return { plugin, calls, count: (kind) => calls.filter((c) => c.kind === kind).length };
}
