import { AllProvidersFailedError, CancelledError, TimeoutError } from '@tarash/core';
import { rejectionOf } from '@tarash/testing/helpers';
import { describe, expect, it } from 'vitest';
import { useFalHarness } from './support/fal-harness';

const MODEL = 'fal-ai/veo3.1';
const request = { prompt: 'A calm lake at sunrise' };

// Long enough that only a cancel ends these jobs early.
const h = useFalHarness({ queueMs: 50, runMs: 60_000, logs: ['Loading model'] });

describe('cancellation on abort and timeout', () => {
  it('a caller abort sends PUT cancel_url before the CancelledError', async () => {
    const controller = new AbortController();
    const error = await rejectionOf(
      h.gateway.generateVideo(h.config(MODEL), request, {
        signal: controller.signal,
        onProgress: (update) => {
          if (update.status === 'processing') controller.abort();
        },
      }),
    );
    expect(error).toBeInstanceOf(CancelledError);
    const [job] = h.fal.jobs();
    expect(h.fal.requests({ phase: 'cancel' }).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([`PUT /fal-ai/veo3.1/requests/${job?.requestId}/cancel 202`]);
    expect(job?.cancelledAt).toBeDefined();
    expect((error as CancelledError).executionMetadata?.attempts[0]).toMatchObject({ cancelled: true, errorType: 'CancelledError' });
  });

  it('the deadline sends PUT cancel_url and records it', async () => {
    const error = await rejectionOf(h.gateway.generateVideo(h.config(MODEL, { timeoutMs: 200 }), request));
    expect(error).toBeInstanceOf(AllProvidersFailedError);
    expect((error as AllProvidersFailedError).errors[0]).toBeInstanceOf(TimeoutError);
    expect(h.fal.countRequests({ phase: 'cancel', status: 202 })).toBe(1);
    expect((error as AllProvidersFailedError).executionMetadata.attempts[0]).toMatchObject({ cancelled: true, errorType: 'TimeoutError' });
    expect(h.fal.jobs()[0]?.cancelledAt).toBeDefined();
  });
});

describe('cancelJob', () => {
  it('cancels a started job, then reports it already completed', async () => {
    const started = await h.gateway.startVideo(h.config(MODEL), request);
    expect(await h.gateway.cancelJob(h.config(MODEL), started.handle)).toMatchObject({ cancelled: true, rawResponse: { status: 'CANCELLATION_REQUESTED' } });
    expect(await h.gateway.getJobStatus(h.config(MODEL), started.handle)).toMatchObject({ status: 'cancelled' });
    expect(await h.gateway.cancelJob(h.config(MODEL), started.handle)).toEqual({ cancelled: false, reason: 'the job had already completed', rawResponse: { status: 'ALREADY_COMPLETED' } });
  });

  it('accepts the OpenAPI form 200 {success}', async () => {
    const started = await h.gateway.startVideo(h.config(MODEL), request);
    h.fal.injectFault({ phase: 'cancel', fault: { kind: 'respond', status: 200, body: { success: true } } });
    expect(await h.gateway.cancelJob(h.config(MODEL), started.handle)).toMatchObject({ cancelled: true });
    h.fal.injectFault({ phase: 'cancel', fault: { kind: 'respond', status: 200, body: { success: false } } });
    expect(await h.gateway.cancelJob(h.config(MODEL), started.handle)).toMatchObject({ cancelled: false, reason: 'fal answered success: false' });
  });

  it('reports an unknown job as not cancelled', async () => {
    const started = await h.gateway.startVideo(h.config(MODEL), request);
    const unknown = { ...started.handle, requestId: 'no-such-request', data: { ...started.handle.data, cancelUrl: `${h.fal.url}/fal-ai/veo3.1/requests/no-such-request/cancel` } };
    expect(await h.gateway.cancelJob(h.config(MODEL), unknown)).toMatchObject({ cancelled: false, reason: 'fal refused the cancel (HTTP 404 NOT_FOUND)' });
  });
});
