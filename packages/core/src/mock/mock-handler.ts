import type { CallContext } from '../provider/call-context';
import type { JobStatusSnapshot } from '../provider/job-status-snapshot';
import type { PreparedRequest } from '../provider/prepared-request';
import type { ProviderModalityHandler } from '../provider/provider-plugin';
import { sleep } from '../runtime/sleep';
import type { JobHandle, Modality } from '../types/job-handle';
import type { JsonObject, JsonValue } from '../types/json-value';
import type { MockConfig, MockResponseSpec } from '../types/mock-config';
import { buildMockError, mockErrorPhase } from './mock-error';
import { pickWeighted, type RandomSource } from './seeded-random';

/** Default simulated job duration. */
export const DEFAULT_MOCK_DELAY_MS = 300;

/** Options of {@link createMockHandler}. */
export interface MockHandlerOptions<TResult> {
  /** The real provider handler: its `prepare` (validation + mapping) runs unchanged. */
  readonly real: ProviderModalityHandler<never, TResult>;
  readonly mock: MockConfig;
  readonly modality: Modality;
  readonly random: RandomSource;
  /** What the result builder needs of the standard request (kept in the handle). */
  readonly summary: JsonObject;
  /** Builds the realistic default result. */
  readonly buildResult: (requestId: string, summary: JsonObject, rawResponse: unknown) => TResult;
}

function toJson(value: unknown): JsonValue {
  return JSON.parse(JSON.stringify(value ?? null)) as JsonValue;
}

function outcomeOf(mock: MockConfig, handle: JobHandle): MockResponseSpec {
  const outcomes = mock.responses ?? [{ weight: 1 }];
  return outcomes[Number(handle.data.outcome)] ?? { weight: 1 };
}

/**
 * Mock mode as a provider: the real `prepare`, then a simulated job (queued → processing →
 * completed) whose outcome is drawn from the configured weights. Injected errors strike at
 * submit (HTTP, connection, validation) or as the job's failure (generation, moderation,
 * timeout), so retries, fallback, deadlines and cancellation behave exactly as with a real
 * provider. The handle is plain JSON, so mock jobs resume in another process too.
 */
export function createMockHandler<TRequest, TResult>(options: MockHandlerOptions<TResult>): ProviderModalityHandler<TRequest, TResult> {
  const { mock, random } = options;
  const outcomes = mock.responses ?? [{ weight: 1 }];

  const snapshotAt = (handle: JobHandle, now: number): JobStatusSnapshot<TResult> => {
    const startedAt = Number(handle.data.startedAt);
    const delayMs = Number(handle.data.delayMs);
    const fraction = delayMs <= 0 ? 1 : (now - startedAt) / delayMs;
    if (fraction < 0.2) return { status: 'queued', queuePosition: 0 };
    if (fraction < 1) return { status: 'processing', progressPercent: Math.floor(fraction * 100) };
    const error = outcomeOf(mock, handle).error;
    if (error) {
      return { status: 'failed', error: buildMockError(error, { provider: handle.provider, model: handle.model, requestId: handle.requestId }) };
    }
    return { status: 'completed', progressPercent: 100 };
  };

  return {
    prepare: (request, context) => options.real.prepare(request as never, context),
    jobs: {
      async start(prepared: PreparedRequest, context: CallContext) {
        const outcomeIndex = pickWeighted(outcomes.map((o) => o.weight), random);
        const outcome = outcomes[outcomeIndex] ?? { weight: 1 };
        const requestId = `mock-${Math.floor(random() * 0xffffffff).toString(16).padStart(8, '0')}`;
        if (outcome.error && mockErrorPhase(outcome.error) === 'submit') {
          throw buildMockError(outcome.error, { provider: context.provider, model: context.model });
        }
        const handle: JobHandle = {
          version: 1,
          provider: context.provider,
          model: context.model,
          modality: options.modality,
          requestId,
          createdAt: new Date().toISOString(),
          data: {
            outcome: outcomeIndex,
            startedAt: Date.now(),
            delayMs: outcome.delayMs ?? DEFAULT_MOCK_DELAY_MS,
            summary: options.summary,
            request: toJson(prepared.body),
          },
          warnings: [...prepared.warnings],
          mock: true,
        };
        return { handle, snapshot: { status: 'queued', queuePosition: 0 } };
      },
      async getStatus(handle) {
        return snapshotAt(handle, Date.now());
      },
      async getResult(handle) {
        const rawResponse = { mock: true, request_id: handle.requestId, provider: handle.provider, model: handle.model, request: handle.data.request };
        const base = options.buildResult(handle.requestId, (handle.data.summary ?? {}) as JsonObject, rawResponse);
        const prepared: PreparedRequest = { provider: handle.provider, model: handle.model, body: handle.data.request, warnings: handle.warnings };
        return { ...base, ...options.real.mockResult?.(prepared), ...outcomeOf(mock, handle).response } as TResult;
      },
      async cancel() {
        return { cancelled: true };
      },
      async waitForCompletion(handle, context, onSnapshot) {
        const startedAt = Number(handle.data.startedAt);
        const delayMs = Number(handle.data.delayMs);
        for (const fraction of [0.25, 0.5, 0.75, 1]) {
          await sleep(startedAt + delayMs * fraction - Date.now(), context.signal);
          const snapshot = snapshotAt(handle, Math.max(Date.now(), startedAt + delayMs * fraction));
          if (snapshot.status !== 'processing') return snapshot;
          await onSnapshot(snapshot);
        }
        return snapshotAt(handle, Math.max(Date.now(), startedAt + delayMs));
      },
    },
  };
}
